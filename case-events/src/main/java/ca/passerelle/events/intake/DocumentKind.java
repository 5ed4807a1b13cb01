package ca.passerelle.events.intake;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What a document attached to a case is. */
public enum DocumentKind {
    IMAGING_REPORT,
    OPERATIVE_REPORT,
    CONSULTATION_NOTE,
    CONSENT_FORM,
    @JsonEnumDefaultValue
    OTHER
}
