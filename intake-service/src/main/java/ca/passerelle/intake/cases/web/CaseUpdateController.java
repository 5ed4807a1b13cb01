package ca.passerelle.intake.cases.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import ca.passerelle.events.intake.ConsentPurpose;
import ca.passerelle.events.intake.DocumentKind;
import ca.passerelle.intake.cases.CaseId;
import ca.passerelle.intake.cases.CaseUpdateService;
import ca.passerelle.intake.cases.CaseUpdateService.StoredDocument;
import ca.passerelle.intake.cases.DocumentTooLargeException;
import ca.passerelle.intake.cases.UpdateKey;
import ca.passerelle.intake.cases.UpdateOutcome;
import ca.passerelle.intake.cases.web.OpenCaseRequest.ImagingRequest;
import ca.passerelle.intake.cases.web.UpdateRequests.CareSessionRequest;
import ca.passerelle.intake.cases.web.UpdateRequests.CloseCaseRequest;
import ca.passerelle.intake.cases.web.UpdateRequests.ConsentChangeRequest;
import ca.passerelle.intake.cases.web.UpdateRequests.RedFlagsRequest;
import ca.passerelle.intake.cases.web.UpdateRequests.SymptomsReportRequest;
import ca.passerelle.platform.idempotency.RequestFingerprint;
import ca.passerelle.platform.security.Callers;
import ca.passerelle.platform.web.NotFoundException;
import jakarta.validation.Valid;

/**
 * Updates the owning clinic (or a coordinator on its behalf) posts on a case, and its documents. Each maps the request to
 * one domain call of {@link CaseUpdateService}; each accepts an optional {@code Idempotency-Key}, scoped to the case.
 */
@RestController
@RequestMapping("/api/cases/{caseId}")
class CaseUpdateController {

    private final CaseUpdateService updates;

    CaseUpdateController(CaseUpdateService updates) {
        this.updates = updates;
    }

    @PostMapping("/conservative-care-sessions")
    ResponseEntity<UpdateResponse> session(@PathVariable String caseId, @RequestHeader(name = CaseController.IDEMPOTENCY_KEY,
            required = false) String idempotencyKey, @Valid @RequestBody CareSessionRequest request) {
        return created(updates.update(Callers.current(), new CaseId(caseId), key(idempotencyKey, "session", request),
                (patientCase, context) -> patientCase.recordSession(request.modality(), request.performedOn(), request.durationMinutes(),
                        request.provider(), request.supervised(), request.response(), context)));
    }

    @PostMapping("/imaging")
    ResponseEntity<UpdateResponse> imaging(@PathVariable String caseId, @RequestHeader(name = CaseController.IDEMPOTENCY_KEY,
            required = false) String idempotencyKey, @Valid @RequestBody ImagingRequest request) {
        return created(updates.update(Callers.current(), new CaseId(caseId), key(idempotencyKey, "imaging", request),
                (patientCase, context) -> patientCase.recordImaging(request.toStudy(), context)));
    }

    @PostMapping("/symptoms")
    ResponseEntity<UpdateResponse> symptoms(@PathVariable String caseId, @RequestHeader(name = CaseController.IDEMPOTENCY_KEY,
            required = false) String idempotencyKey, @Valid @RequestBody SymptomsReportRequest request) {
        return created(updates.update(Callers.current(), new CaseId(caseId), key(idempotencyKey, "symptoms", request),
                (patientCase, context) -> patientCase.reportSymptoms(request.assessedOn(), request.painNrs(), request.odiSectionScores(),
                        context)));
    }

    @PostMapping("/red-flags")
    ResponseEntity<UpdateResponse> redFlags(@PathVariable String caseId, @RequestHeader(name = CaseController.IDEMPOTENCY_KEY,
            required = false) String idempotencyKey, @Valid @RequestBody RedFlagsRequest request) {
        return created(updates.update(Callers.current(), new CaseId(caseId), key(idempotencyKey, "red-flags", request),
                (patientCase, context) -> patientCase.reportRedFlags(request.redFlags(), context)));
    }

    @PostMapping("/consents/{purpose}")
    UpdateResponse giveConsent(@PathVariable String caseId, @PathVariable String purpose, @RequestHeader(
            name = CaseController.IDEMPOTENCY_KEY, required = false) String idempotencyKey, @Valid @RequestBody ConsentChangeRequest request) {
        return changeConsent(caseId, purpose, idempotencyKey, request, true);
    }

    @DeleteMapping("/consents/{purpose}")
    UpdateResponse withdrawConsent(@PathVariable String caseId, @PathVariable String purpose, @RequestHeader(
            name = CaseController.IDEMPOTENCY_KEY, required = false) String idempotencyKey, @Valid @RequestBody ConsentChangeRequest request) {
        return changeConsent(caseId, purpose, idempotencyKey, request, false);
    }

    private UpdateResponse changeConsent(String caseId, String purpose, String idempotencyKey, ConsentChangeRequest request,
            boolean granted) {
        ConsentPurpose consentPurpose = purpose(purpose);
        UpdateKey key = key(idempotencyKey, (granted ? "give-" : "withdraw-") + consentPurpose.name(), request);
        return UpdateResponse.of(updates.update(Callers.current(), new CaseId(caseId), key,
                (patientCase, context) -> patientCase.changeConsent(consentPurpose, request.toConsent(granted), context)));
    }

    @PostMapping("/close")
    UpdateResponse close(@PathVariable String caseId, @RequestHeader(name = CaseController.IDEMPOTENCY_KEY, required = false)
            String idempotencyKey, @Valid @RequestBody CloseCaseRequest request) {
        return UpdateResponse.of(updates.update(Callers.current(), new CaseId(caseId), key(idempotencyKey, "close", request),
                (patientCase, context) -> patientCase.close(request.reason(), context)));
    }

    /**
     * A PDF, JPEG or PNG of at most 20 MB; its type is read from its first bytes. The part's file name and content type are
     * ignored and never stored.
     */
    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<UpdateResponse> attach(@PathVariable String caseId, @RequestHeader(name = CaseController.IDEMPOTENCY_KEY,
            required = false) String idempotencyKey, @RequestPart("file") MultipartFile file, @RequestParam("kind") DocumentKind kind) {
        if (file.getSize() > CaseUpdateService.MAX_DOCUMENT_BYTES) {
            throw new DocumentTooLargeException(CaseUpdateService.MAX_DOCUMENT_BYTES);
        }
        byte[] content = bytes(file);
        UpdateKey key = idempotencyKey == null ? null
                : new UpdateKey(idempotencyKey, RequestFingerprint.of(List.of("document", kind.name(), CaseUpdateService.sha256(content))));
        UpdateOutcome outcome = updates.attachDocument(Callers.current(), new CaseId(caseId), key, kind, content);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/documents/" + outcome.update().resourceId()))
                .body(UpdateResponse.of(outcome));
    }

    @GetMapping("/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable String caseId, @PathVariable String documentId) {
        StoredDocument stored = updates.document(Callers.current(), new CaseId(caseId), documentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(stored.document().mediaType()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "attachment; filename=\"" + documentId + "\"")
                .body(stored.content());
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded document could not be read", e);
        }
    }

    /** {@code care-coordination}, {@code cross-border-communication} or {@code research}; anything else is no such resource. */
    private static ConsentPurpose purpose(String segment) {
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            if (purpose.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(segment)) {
                return purpose;
            }
        }
        throw new NotFoundException("No such consent purpose: care-coordination, cross-border-communication or research");
    }

    private static UpdateKey key(String idempotencyKey, String kind, Object request) {
        return idempotencyKey == null ? null : new UpdateKey(idempotencyKey, RequestFingerprint.of(List.of(kind, request)));
    }

    private static ResponseEntity<UpdateResponse> created(UpdateOutcome outcome) {
        return ResponseEntity.status(HttpStatus.CREATED).body(UpdateResponse.of(outcome));
    }
}
