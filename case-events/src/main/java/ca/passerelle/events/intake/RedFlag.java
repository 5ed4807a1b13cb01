package ca.passerelle.events.intake;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Red flags stop the tourism pathway. A code this reader does not know reads as {@link #OTHER}, still a red flag. */
public enum RedFlag {
    CAUDA_EQUINA,
    PROGRESSIVE_NEUROLOGICAL_DEFICIT,
    SUSPECTED_INFECTION,
    SUSPECTED_FRACTURE,
    CANCER_HISTORY_WITH_NEW_PAIN,
    UNEXPLAINED_WEIGHT_LOSS,
    @JsonEnumDefaultValue
    OTHER
}
