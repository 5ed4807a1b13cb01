package ca.passerelle.events.intake;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How the patient responded to a conservative-care session, as the provider judged it. */
public enum SessionResponse {
    IMPROVED,
    UNCHANGED,
    WORSENED,
    @JsonEnumDefaultValue
    NOT_ASSESSED
}
