package ca.passerelle.events.rehab;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How a rehabilitation follow-up ended. */
public enum RehabClosure {
    PLAN_COMPLETED,
    PATIENT_DECLINED,
    CONSENT_WITHDRAWN,
    REFERRED_ELSEWHERE,
    LOST_TO_FOLLOW_UP,
    @JsonEnumDefaultValue
    OTHER
}
