package ca.passerelle.dashboard.cases;

/** How long a case has been in its stage compared with the stage's limit ({@link SlaProperties}). */
public enum SlaState {
    /** Within the limit, or the stage has none. */
    OK,
    /** Past the at-risk share of the limit. */
    AT_RISK,
    /** Past the limit. */
    BREACHED
}
