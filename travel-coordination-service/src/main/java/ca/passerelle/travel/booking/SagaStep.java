package ca.passerelle.travel.booking;

/**
 * The next thing the saga driver has to do for a booking, in priority order: tell the hospital, undo, then move
 * forward; a hospital that does not answer in time is the last (and is due only at {@code confirmBy}).
 */
public enum SagaStep {
    PUBLISH_FEED,
    RELEASE_HOLD,
    SEARCH,
    HOLD,
    ANSWER_TIMEOUT,
    NONE
}
