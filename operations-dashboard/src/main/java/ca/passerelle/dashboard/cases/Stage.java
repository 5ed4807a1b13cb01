package ca.passerelle.dashboard.cases;

/**
 * Where a case stands on the pathway, in pathway order: a summary only ever moves forward along this order, so an
 * event that arrives late never moves a case back. {@link #CLOSED} is reached only by a terminal event.
 */
public enum Stage {
    INTAKE,
    TRIAGE,
    CONSERVATIVE_CARE,
    AWAITING_EVALUATION,
    SURGERY_SCHEDULING,
    SURGERY_SCHEDULED,
    REHABILITATION,
    CLOSED;

    public boolean isAfter(Stage other) {
        return other == null || compareTo(other) > 0;
    }
}
