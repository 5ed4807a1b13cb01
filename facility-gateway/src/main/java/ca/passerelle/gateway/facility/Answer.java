package ca.passerelle.gateway.facility;

import java.time.Duration;
import java.time.Instant;

/**
 * A read answer with its freshness: fresh from upstream (age 0), or a last-known copy marked stale with the instant it
 * was fetched and its age, so nobody mistakes it for the current state.
 */
public record Answer<T>(T value, boolean stale, Instant asOf, long ageSeconds) {

    public Answer {
        if (value == null || asOf == null) {
            throw new IllegalArgumentException("value and asOf are required");
        }
        if (ageSeconds < 0) {
            throw new IllegalArgumentException("ageSeconds must not be negative");
        }
    }

    public static <T> Answer<T> fresh(T value, Instant now) {
        return new Answer<>(value, false, now, 0);
    }

    /** A remembered answer served at {@code now}; a copy stamped in the future (clock skew) counts as age 0. */
    public static <T> Answer<T> stale(T value, Instant asOf, Instant now) {
        long age = Math.max(0, Duration.between(asOf, now).toSeconds());
        return new Answer<>(value, true, asOf, age);
    }
}
