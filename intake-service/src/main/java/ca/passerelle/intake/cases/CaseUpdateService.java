package ca.passerelle.intake.cases;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import ca.passerelle.events.intake.DocumentKind;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.platform.security.Caller;
import ca.passerelle.platform.security.Role;
import ca.passerelle.platform.web.InvalidInputException;
import ca.passerelle.platform.web.NotFoundException;
import ca.passerelle.platform.web.RuleViolationException;

/**
 * Updates posted on a case by the clinic that owns it (or a coordinator on its behalf): each one is appended to the case with
 * its history entry and its event in a single document save. Another clinic's case is "not found". An update sent again
 * with the same {@code Idempotency-Key} gets the original answer; the same key with another request is refused.
 */
@Service
public class CaseUpdateService {

    private static final Logger log = LoggerFactory.getLogger(CaseUpdateService.class);
    /** 20 MB. */
    public static final long MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;
    public static final String DOCUMENT_READ = "case.document.read";

    private final Cases cases;
    private final CaseDocuments documents;
    private final Clock clock;
    private final AuditTrail audit;

    public CaseUpdateService(Cases cases, CaseDocuments documents, Clock clock, AuditTrail audit) {
        this.cases = cases;
        this.documents = documents;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Applies one update to a case the caller owns.
     *
     * @param key null when the client sent no {@code Idempotency-Key}
     * @param change the domain method that records the update and raises its event
     */
    public UpdateOutcome update(Caller caller, CaseId id, UpdateKey key, BiFunction<PatientCase, UpdateContext, CaseUpdate> change) {
        PatientCase found = owned(caller, id);
        if (key != null) {
            var earlier = found.updateWithKey(key.value());
            if (earlier.isPresent()) {
                return replay(found, earlier.get(), key);
            }
        }
        AtomicReference<CaseUpdate> made = new AtomicReference<>();
        try {
            PatientCase saved = cases.update(id, current -> {
                if (key != null) {
                    current.updateWithKey(key.value()).ifPresent(earlier -> {
                        throw new LostRace(current, earlier);
                    });
                }
                made.set(change.apply(current, new UpdateContext(caller.subject(), key, clock.instant().truncatedTo(ChronoUnit.MILLIS))));
            }).orElseThrow(() -> new NotFoundException("No such case"));
            log.info("Case {} updated: {}", id, made.get().kind());
            return new UpdateOutcome(saved, made.get(), false);
        } catch (LostRace race) {
            return replay(race.current, race.earlier, key);
        }
    }

    /**
     * Stores a document's bytes, then attaches it to the case (the case refers to it by a generated id, never a file name).
     * If the case then refuses it, the stored bytes are removed again.
     */
    public UpdateOutcome attachDocument(Caller caller, CaseId id, UpdateKey key, DocumentKind kind, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("the document is empty");
        }
        if (content.length > MAX_DOCUMENT_BYTES) {
            throw new DocumentTooLargeException(MAX_DOCUMENT_BYTES);
        }
        PatientCase found = owned(caller, id);
        DetectedMediaType type = DetectedMediaType.of(content).orElseThrow(UnsupportedDocumentException::new);
        if (key != null) {
            var earlier = found.updateWithKey(key.value());
            if (earlier.isPresent()) {
                return replay(found, earlier.get(), key);
            }
        }
        found.acceptsClinicalUpdates();
        String documentId = "d-" + UUID.randomUUID();
        String sha256 = sha256(content);
        documents.store(id, documentId, content, type.mediaType(), sha256);
        UpdateOutcome outcome;
        try {
            outcome = update(caller, id, key,
                    (patientCase, context) -> patientCase.attachDocument(documentId, kind, type.mediaType(), content.length, sha256, context));
        } catch (RuntimeException e) {
            documents.delete(documentId);
            throw e;
        }
        if (outcome.replayed()) {
            documents.delete(documentId);
        }
        return outcome;
    }

    /** A document's bytes and what the case knows of it, for the owning clinic or a coordinator; audited. */
    public StoredDocument document(Caller caller, CaseId id, String documentId) {
        PatientCase found = owned(caller, id);
        AttachedDocument attached = found.documents().stream().filter(document -> document.documentId().equals(documentId))
                .findFirst().orElseThrow(() -> new NotFoundException("No such document"));
        byte[] content = documents.read(id, documentId).orElseThrow(() -> new NotFoundException("No such document"));
        audit.record(caller, DOCUMENT_READ, "case-document", documentId, CaseIntakeService.CARE_COORDINATION);
        return new StoredDocument(attached, content);
    }

    /** The bytes of an attached document with what the case knows of it. */
    public record StoredDocument(AttachedDocument document, byte[] content) {
    }

    /** The case, if the caller's clinic owns it or the caller is a coordinator; "not found" otherwise, like an unknown id. */
    private PatientCase owned(Caller caller, CaseId id) {
        try {
            return cases.findById(id).filter(candidate -> mayUpdate(caller, candidate.clinicId()))
                    .orElseThrow(() -> new NotFoundException("No such case"));
        } catch (CaseUnreadableException e) {
            if (!mayUpdate(caller, e.clinicId())) {
                throw new NotFoundException("No such case");
            }
            throw e;
        }
    }

    private static boolean mayUpdate(Caller caller, String clinic) {
        return caller.has(Role.COORDINATOR) || caller.has(Role.CLINIC) && caller.clinicId().filter(clinic::equals).isPresent();
    }

    private static UpdateOutcome replay(PatientCase found, CaseUpdate earlier, UpdateKey key) {
        if (!earlier.answers(key)) {
            throw new RuleViolationException(CaseIntakeService.KEY_REUSED,
                    "This Idempotency-Key was already used on this case for a different request; use a new key for a new update");
        }
        return new UpdateOutcome(found, earlier, true);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Another request with the same key saved first: answer with its update. */
    private static final class LostRace extends RuntimeException {

        private final transient PatientCase current;
        private final transient CaseUpdate earlier;

        LostRace(PatientCase current, CaseUpdate earlier) {
            super(null, null, false, false);
            this.current = current;
            this.earlier = earlier;
        }
    }
}
