package ca.passerelle.dashboard.cases;

import java.time.Duration;
import java.time.Instant;

/**
 * A summary before and after one event: its stage and since when (event times). {@code from} is null for a new summary.
 */
record StageChange(Stage from, Instant fromSince, Stage to, Instant toSince) {

    boolean moved() {
        return to != null && from != to;
    }

    /** How long the case stayed in {@code from}, by the events' times (zero if a late event makes it look negative). */
    Duration timeInPreviousStage() {
        if (fromSince == null || toSince == null || toSince.isBefore(fromSince)) {
            return Duration.ZERO;
        }
        return Duration.between(fromSince, toSince);
    }
}
