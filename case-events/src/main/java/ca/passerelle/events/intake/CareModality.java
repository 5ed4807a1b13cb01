package ca.passerelle.events.intake;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Conservative-care modalities named by the clinical source. */
public enum CareModality {
    PHYSIOTHERAPY,
    NEUROVERTEBRAL_DECOMPRESSION,
    MANUAL_THERAPY,
    TARGETED_MEDICATION,
    PSYCHOLOGICAL_SUPPORT,
    EDUCATION,
    @JsonEnumDefaultValue
    OTHER
}
