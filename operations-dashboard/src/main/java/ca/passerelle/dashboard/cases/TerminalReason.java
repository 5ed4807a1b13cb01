package ca.passerelle.dashboard.cases;

/** Why a case left the pathway for good. */
public enum TerminalReason {
    /** Triage found a red flag: the patient is referred urgently, never scheduled for travel. */
    URGENT_REFERRAL,
    /** The specialist found the patient not a candidate for surgery. */
    NOT_A_CANDIDATE
}
