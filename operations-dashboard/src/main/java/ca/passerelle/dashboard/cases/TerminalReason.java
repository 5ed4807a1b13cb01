package ca.passerelle.dashboard.cases;

/** Why a case left the pathway for good. */
public enum TerminalReason {
    /** Triage found a red flag: the patient is referred urgently, never scheduled for travel. */
    URGENT_REFERRAL,
    /** The specialist found the patient not a candidate for surgery (SurgeryNotIndicated). */
    NOT_A_CANDIDATE,
    /** The patient withdrew consent to care coordination (ConsentChanged, or a closure for that reason). */
    CONSENT_WITHDRAWN,
    /** Intake closed the case (CaseClosed); the detail is its {@code ClosureReason}. */
    CASE_CLOSED,
    /** Rehabilitation follow-up completed its plan. */
    REHAB_COMPLETED,
    /** Rehabilitation follow-up closed early; the detail is its {@code RehabClosure}. */
    REHAB_CLOSED_EARLY
}
