package ca.passerelle.events.intake;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Why a case was closed at intake (the other terminal states come from assessment, travel and rehab). */
public enum ClosureReason {
    PATIENT_DECLINED,
    CONSENT_WITHDRAWN,
    REFERRED_ELSEWHERE,
    DUPLICATE,
    DECEASED,
    @JsonEnumDefaultValue
    OTHER
}
