package ca.passerelle.events.intake;

import java.time.Instant;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/**
 * Emitted by intake-service when a document is attached to a case. No file name (file names carry patients' names);
 * the content stays in intake-service and is read through its API.
 *
 * @param mediaType detected from the content: {@code application/pdf}, {@code image/jpeg} or {@code image/png}
 * @param sha256 lower-case hex SHA-256 of the stored bytes
 */
public record DocumentAttached(
        String caseId,
        String documentId,
        DocumentKind kind,
        String mediaType,
        long sizeBytes,
        String sha256,
        Instant attachedAt) implements CasePayload {

    public DocumentAttached {
        Contract.requireText(caseId, "caseId");
        Contract.requireText(documentId, "documentId");
        Contract.require(kind, "kind");
        Contract.requireText(mediaType, "mediaType");
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("sizeBytes must be positive");
        }
        Contract.requireText(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        Contract.require(attachedAt, "attachedAt");
    }
}
