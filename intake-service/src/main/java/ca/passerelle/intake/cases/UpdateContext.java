package ca.passerelle.intake.cases;

import java.time.Instant;

/**
 * Who posts an update, when, and under which idempotency key.
 *
 * @param recordedBy the caller's subject (an account or client id, never a patient identifier)
 * @param key null when the client sent no {@code Idempotency-Key}
 */
public record UpdateContext(String recordedBy, UpdateKey key, Instant now) {
}
