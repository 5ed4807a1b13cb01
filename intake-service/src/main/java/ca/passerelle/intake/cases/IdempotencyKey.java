package ca.passerelle.intake.cases;

/**
 * A client's {@code Idempotency-Key} with a fingerprint of the request it came with: a retry with the same key and the
 * same request gets the original answer, the same key with another request is refused.
 */
public record IdempotencyKey(String value, String requestFingerprint) {

    public static final int MAX_LENGTH = 128;

    public IdempotencyKey {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Idempotency-Key must be 1 to " + MAX_LENGTH + " characters");
        }
        if (requestFingerprint == null || requestFingerprint.isBlank()) {
            throw new IllegalArgumentException("requestFingerprint is required");
        }
    }
}
