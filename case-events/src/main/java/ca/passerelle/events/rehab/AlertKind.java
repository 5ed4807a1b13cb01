package ca.passerelle.events.rehab;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Why a follow-up alert was raised. */
public enum AlertKind {
    /** A red flag after surgery: urgent. */
    RED_FLAG_AFTER_SURGERY,
    /** Pain or disability worse than the pre-operative baseline by a clinically meaningful amount. */
    WORSENING,
    /** No clinically meaningful improvement at the 3-month checkpoint: the FBSS risk the pathway exists to prevent. */
    NO_MEANINGFUL_IMPROVEMENT,
    /** A checkpoint overdue by more than the grace period. */
    MISSED_CHECKPOINT,
    @JsonEnumDefaultValue
    OTHER
}
