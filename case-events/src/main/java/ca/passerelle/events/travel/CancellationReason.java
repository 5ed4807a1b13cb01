package ca.passerelle.events.travel;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Why surgery scheduling was cancelled. */
public enum CancellationReason {
    COORDINATOR_DECISION,
    HOSPITAL_UNAVAILABLE,
    CONSENT_WITHDRAWN,
    URGENT_REFERRAL,
    CASE_CLOSED,
    @JsonEnumDefaultValue
    OTHER
}
