package ca.passerelle.simulator.ratelimit;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at {@code tokensPerSecond}; each call takes
 * one. Time comes from a nanosecond source so that tests can drive it.
 */
public final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private double tokens;
    private long lastRefill;

    public TokenBucket(double tokensPerSecond, int capacity, LongSupplier nanoTime) {
        if (!(tokensPerSecond > 0)) {
            throw new IllegalArgumentException("tokensPerSecond must be positive");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.tokensPerNano = tokensPerSecond / 1_000_000_000d;
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.lastRefill = nanoTime.getAsLong();
    }

    public synchronized Admission tryTake() {
        refill();
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return Admission.ADMITTED;
        }
        return Admission.refused(Duration.ofNanos((long) Math.ceil((1.0 - tokens) / tokensPerNano)));
    }

    synchronized double availableTokens() {
        refill();
        return tokens;
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        long elapsed = now - lastRefill;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            lastRefill = now;
        }
    }

}
