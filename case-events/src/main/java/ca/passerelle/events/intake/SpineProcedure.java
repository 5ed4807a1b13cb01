package ca.passerelle.events.intake;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * A prior spine procedure, coded. The clinic's own wording of the operative report stays encrypted in intake-service:
 * events carry codes, never free text.
 */
public enum SpineProcedure {
    DISCECTOMY,
    LAMINECTOMY,
    FORAMINOTOMY,
    FUSION,
    DISC_ARTHROPLASTY,
    DYNAMIC_STABILISATION,
    HARDWARE_REVISION,
    @JsonEnumDefaultValue
    OTHER
}
