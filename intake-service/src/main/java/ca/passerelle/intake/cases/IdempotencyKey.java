package ca.passerelle.intake.cases;

import ca.passerelle.platform.idempotency.RequestFingerprint;
import ca.passerelle.platform.web.InvalidInputException;

/**
 * A client's {@code Idempotency-Key} with a fingerprint of the request it came with: a retry with the same key and the
 * same request gets the original answer, the same key with another request is refused. Keys are scoped per referring
 * clinic: the same key sent for two clinics names two different requests.
 */
public record IdempotencyKey(String value, String requestFingerprint) {

    public static final int MAX_LENGTH = RequestFingerprint.MAX_KEY_LENGTH;

    public IdempotencyKey {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new InvalidInputException("Idempotency-Key must be 1 to " + MAX_LENGTH + " characters");
        }
        if (requestFingerprint == null || requestFingerprint.isBlank()) {
            throw new InvalidInputException("requestFingerprint is required");
        }
    }

    /**
     * The key within its referring clinic, unique among cases: {@code <length of clinic id>:<clinic id>:<key>}, so that no
     * clinic id and key can be mistaken for another pair.
     */
    public String scopedTo(String clinicId) {
        if (clinicId == null || clinicId.isBlank()) {
            throw new InvalidInputException("an idempotency key is scoped to a referring clinic");
        }
        return clinicId.length() + ":" + clinicId + ":" + value;
    }
}
