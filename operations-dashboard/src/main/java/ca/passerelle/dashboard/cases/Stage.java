package ca.passerelle.dashboard.cases;

/**
 * Where a case stands on the pathway, in pathway order (the order of the overview's funnel). The current stage is the
 * stage of the newest event that sets one (see {@link CaseSummary}); {@link #CLOSED} is reached only by a terminal event
 * and nothing leaves it.
 */
public enum Stage {
    /** Only events that do not move the case are known so far (its opening has not arrived yet): it is being opened. */
    INTAKE,
    /**
     * The case is opened: red flags and the conservative care are being looked at, until assessment's first verdict
     * (urgent referral, conservative care verified or insufficient) or a closure.
     */
    TRIAGE,
    /** Assessment found the conservative care insufficient: the case went back to conservative care. */
    CONSERVATIVE_CARE,
    /** Conservative care verified: the specialist's evaluation is awaited. */
    AWAITING_EVALUATION,
    /** Surgery recommended: travel coordination is looking for partner hospitals (or a cancelled surgery is re-planned). */
    SURGERY_SCHEDULING,
    /** Options offered: a coordinator must choose a hospital. */
    AWAITING_HOSPITAL_CHOICE,
    /** A slot is held: the hospital must confirm. */
    AWAITING_HOSPITAL_CONFIRMATION,
    /** The hospital confirmed (or moved) the surgery date; the travel plan is prepared. */
    SURGERY_SCHEDULED,
    REHABILITATION,
    CLOSED;

    public boolean isAfter(Stage other) {
        return other == null || compareTo(other) > 0;
    }
}
