package ca.passerelle.gateway.facility.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import ca.passerelle.gateway.facility.FacilityApiRejectedException;
import ca.passerelle.gateway.facility.client.UpstreamRetryPolicy.UpstreamFailure;
import ca.passerelle.gateway.facility.client.UpstreamRetryPolicy.UpstreamTimedOut;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;

class UpstreamRetryPolicyTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private final Predicate<Throwable> retryable = UpstreamRetryPolicy.retryable(Duration.ofSeconds(2));

    @Test
    void retriesAnUnavailableUpstream() {
        assertThat(retryable.test(new UpstreamFailure("500", null, TEN_SECONDS, null))).isTrue();
    }

    @Test
    void retriesRateLimitingOnlyWhenItsRetryAfterIsShortEnoughToWaitFor() {
        assertThat(retryable.test(new UpstreamFailure("429", Duration.ofSeconds(1), TEN_SECONDS, null))).isTrue();
        assertThat(retryable.test(new UpstreamFailure("429", Duration.ofSeconds(30), TEN_SECONDS, null))).isFalse();
    }

    @Test
    void neverRetriesRejectionsNorCallsRefusedLocally() {
        assertThat(retryable.test(new FacilityApiRejectedException(409, "taken"))).isFalse();
        assertThat(retryable.test(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("t")))).isFalse();
        assertThat(retryable.test(BulkheadFullException.createBulkheadFullException(
                io.github.resilience4j.bulkhead.Bulkhead.ofDefaults("t")))).isFalse();
    }

    @Test
    void neverRetriesACallTheTimeLimiterCut() {
        assertThat(retryable.test(new UpstreamTimedOut("1s", TEN_SECONDS, null))).isFalse();
    }

    @Test
    void waitsForUpstreamsRetryAfterWhenLongerThanTheBackOff() {
        IntervalBiFunction<Object> backOff = UpstreamRetryPolicy.backOff(IntervalFunction.ofExponentialBackoff(100, 2));

        assertThat(backOff.apply(1, Either.left(new UpstreamFailure("429", Duration.ofSeconds(1), TEN_SECONDS, null)))).isEqualTo(1000L);
        assertThat(backOff.apply(1, Either.left(new UpstreamFailure("500", null, TEN_SECONDS, null)))).isEqualTo(100L);
        assertThat(backOff.apply(2, Either.left(new UpstreamFailure("500", null, TEN_SECONDS, null)))).isEqualTo(200L);
    }
}
