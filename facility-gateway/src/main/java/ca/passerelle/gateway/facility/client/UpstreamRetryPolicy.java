package ca.passerelle.gateway.facility.client;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import ca.passerelle.gateway.facility.FacilityApiUnavailableException;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;

/**
 * Which failed reads are tried again, and after how long. Only an unavailable upstream is retried: never a rejection
 * (4xx), never a call the breaker, bulkhead or rate limiter refused, never a call the time limiter cut (a slow upstream
 * stays slow: retrying would multiply the caller's wait and upstream's load). Upstream's own Retry-After (429, 503) wins over the
 * exponential back-off when it is short enough to wait for; a longer one is not retried at all.
 */
final class UpstreamRetryPolicy {

    private UpstreamRetryPolicy() {
    }

    static Predicate<Throwable> retryable(Duration maxHonouredRetryAfter) {
        return failure -> failure instanceof UpstreamFailure upstream && !(failure instanceof UpstreamTimedOut)
                && (upstream.upstreamRetryAfter() == null || upstream.upstreamRetryAfter().compareTo(maxHonouredRetryAfter) <= 0);
    }

    static IntervalBiFunction<Object> backOff(IntervalFunction exponentialWithJitter) {
        return (attempt, outcome) -> upstreamRetryAfter(outcome)
                .map(Duration::toMillis)
                .map(upstream -> Math.max(upstream, exponentialWithJitter.apply(attempt)))
                .orElseGet(() -> exponentialWithJitter.apply(attempt));
    }

    private static Optional<Duration> upstreamRetryAfter(Either<Throwable, Object> outcome) {
        if (outcome.isLeft() && outcome.getLeft() instanceof UpstreamFailure upstream) {
            return Optional.ofNullable(upstream.upstreamRetryAfter());
        }
        return Optional.empty();
    }

    /** The failure of one attempt, as seen by the retry; carries upstream's Retry-After when it sent one. */
    static class UpstreamFailure extends FacilityApiUnavailableException {

        private final Duration upstreamRetryAfter;

        UpstreamFailure(String message, Duration upstreamRetryAfter, Duration retryAfter, Throwable cause) {
            super(message, upstreamRetryAfter != null ? upstreamRetryAfter : retryAfter, cause);
            this.upstreamRetryAfter = upstreamRetryAfter;
        }

        Duration upstreamRetryAfter() {
            return upstreamRetryAfter;
        }
    }

    /** An attempt the time limiter cut: recorded by the breaker, not retried. */
    static final class UpstreamTimedOut extends UpstreamFailure {

        UpstreamTimedOut(String message, Duration retryAfter, Throwable cause) {
            super(message, null, retryAfter, cause);
        }
    }
}
