package ca.passerelle.intake.cases;

import ca.passerelle.platform.web.InvalidInputException;

/**
 * A client's {@code Idempotency-Key} on a case update with a fingerprint of the request it came with. Scoped to the case: the
 * same key on another case is another request.
 */
public record UpdateKey(String value, String requestFingerprint) {

    public UpdateKey {
        if (value == null || value.isBlank() || value.length() > IdempotencyKey.MAX_LENGTH) {
            throw new InvalidInputException("Idempotency-Key must be 1 to " + IdempotencyKey.MAX_LENGTH + " characters");
        }
        if (requestFingerprint == null || requestFingerprint.isBlank()) {
            throw new InvalidInputException("requestFingerprint is required");
        }
    }
}
