package ca.passerelle.intake.cases;

import java.time.Instant;

/**
 * One entry of a case's update history: what was posted, when and by whom (a subject, never a patient identifier), and for
 * an update sent with an {@code Idempotency-Key}, the key and the fingerprint of the request, so a retry gets the same answer.
 *
 * @param resourceId the session or document the update created; null for the others
 */
public record CaseUpdate(String updateId, UpdateKind kind, Instant recordedAt, String recordedBy, String resourceId,
        String idempotencyKey, String requestFingerprint) {

    boolean answers(UpdateKey key) {
        return key.value().equals(idempotencyKey) && key.requestFingerprint().equals(requestFingerprint);
    }
}
