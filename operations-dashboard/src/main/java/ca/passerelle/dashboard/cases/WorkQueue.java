package ca.passerelle.dashboard.cases;

/**
 * The coordinators' work queues: open cases waiting on someone, longest-waiting first (follow-up alerts: most severe
 * first; urgent referrals: most recent first).
 */
public enum WorkQueue {
    /** Conservative care verified; the specialist's evaluation is awaited. */
    AWAITING_EVALUATION,
    /** Back in conservative care; the clinic must complete what is missing. */
    CONSERVATIVE_CARE_INSUFFICIENT,
    /** Options offered; a coordinator must pick a hospital. */
    AWAITING_HOSPITAL_CHOICE,
    /** A slot is held; the hospital must confirm. */
    AWAITING_HOSPITAL_CONFIRMATION,
    /** Surgery scheduled; the travel plan is not ready. */
    TRAVEL_TO_FINALISE,
    /** A follow-up alert is open. */
    FOLLOW_UP_ALERTS,
    /**
     * Triage found red flags: the case is closed for the tourism pathway, and its urgent-referral alert waits for a
     * coordinator's acknowledgement (the patient oriented to urgent care in Québec). Closed cases, most recent first.
     */
    URGENT_REFERRALS
}
