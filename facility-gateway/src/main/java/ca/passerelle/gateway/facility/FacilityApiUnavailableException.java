package ca.passerelle.gateway.facility;

import java.time.Duration;

/** Upstream could not answer in time, failed, is rate-limiting us, or the breaker does not let the call through. */
public class FacilityApiUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public FacilityApiUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the caller should wait before trying again; upstream's own Retry-After when it gave one. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
