package ca.passerelle.events.rehab;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How well the patient follows the rehabilitation programme, as the clinic reports it. */
public enum Adherence {
    GOOD,
    PARTIAL,
    POOR,
    @JsonEnumDefaultValue
    NOT_REPORTED
}
