package ca.passerelle.travel.booking;

/** The next thing the saga driver has to do for a booking, in priority order: undo first, then move forward. */
public enum SagaStep {
    RELEASE_HOLD,
    SEARCH,
    HOLD,
    NONE
}
