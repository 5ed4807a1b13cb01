package ca.passerelle.events.assessment;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Probable causes of failed back surgery syndrome named by the clinical source. */
public enum FbssCause {
    INADEQUATE_FIRST_SURGERY,
    NERVE_INJURY_OR_ADHESIONS,
    EPIDURAL_FIBROSIS,
    HARDWARE_FAILURE,
    LACK_OF_ADAPTED_REHABILITATION,
    DEGENERATIVE_PROGRESSION,
    @JsonEnumDefaultValue
    OTHER
}
