package ca.passerelle.intake.cases;

import java.time.Instant;

import ca.passerelle.events.intake.DocumentKind;

/**
 * A document attached to a case: what the case knows of it. The bytes are in the document store; no file name is kept.
 *
 * @param mediaType detected from the content
 * @param sha256 lower-case hex SHA-256 of the bytes as uploaded
 */
public record AttachedDocument(String documentId, DocumentKind kind, String mediaType, long sizeBytes, String sha256, Instant attachedAt) {
}
