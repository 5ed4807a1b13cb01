package ca.passerelle.simulator.ratelimit;

import java.time.Duration;

/** Whether a call may go through and, if not, how long until a token is back. */
public record Admission(boolean admitted, Duration retryAfter) {

    static final Admission ADMITTED = new Admission(true, Duration.ZERO);

    static Admission refused(Duration retryAfter) {
        return new Admission(false, retryAfter);
    }

    /** {@code Retry-After} in whole seconds, rounded up, at least one. */
    public long retryAfterSeconds() {
        long seconds = (retryAfter.toNanos() + 999_999_999L) / 1_000_000_000L;
        return Math.max(1, seconds);
    }

}
