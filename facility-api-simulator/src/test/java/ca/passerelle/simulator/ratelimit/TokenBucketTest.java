package ca.passerelle.simulator.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void admitsABurstThenRefusesWithTheWaitUntilTheNextToken() {
        TokenBucket bucket = new TokenBucket(2, 3, nanos::get);

        for (int call = 0; call < 3; call++) {
            assertThat(bucket.tryTake().admitted()).isTrue();
        }
        Admission refused = bucket.tryTake();

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refillsAtTheConfiguredRate() {
        TokenBucket bucket = new TokenBucket(2, 1, nanos::get);
        bucket.tryTake();

        nanos.addAndGet(Duration.ofMillis(499).toNanos());
        assertThat(bucket.tryTake().admitted()).isFalse();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(bucket.tryTake().admitted()).isTrue();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(100, 5, nanos::get);

        nanos.addAndGet(Duration.ofHours(1).toNanos());

        assertThat(bucket.availableTokens()).isEqualTo(5.0);
    }

    @Test
    void roundsASlowRefillUpToWholeSeconds() {
        TokenBucket bucket = new TokenBucket(0.25, 1, nanos::get);
        bucket.tryTake();

        Admission refused = bucket.tryTake();

        assertThat(refused.retryAfterSeconds()).isEqualTo(4);
    }

    @Test
    void refusesANonsenseConfiguration() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, nanos::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, nanos::get)).isInstanceOf(IllegalArgumentException.class);
    }

}
