package ca.passerelle.events.travel;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How the partner hospital reports the surgery went. */
public enum SurgeryOutcome {
    COMPLETED_AS_PLANNED,
    COMPLETED_WITH_COMPLICATIONS,
    @JsonEnumDefaultValue
    OTHER
}
