package ca.passerelle.intake.cases.web;

import java.net.URI;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.intake.cases.CaseId;
import ca.passerelle.intake.cases.CaseIntakeService;
import ca.passerelle.intake.cases.IdempotencyKey;
import ca.passerelle.intake.cases.OpenedCase;
import ca.passerelle.platform.idempotency.RequestFingerprint;
import ca.passerelle.platform.security.Caller;
import ca.passerelle.platform.security.Callers;
import ca.passerelle.platform.security.Role;
import ca.passerelle.platform.web.PageRequests;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Clinics (or a coordinator on a clinic's behalf) open cases and read them back; the rules of {@link CaseAccessPolicy}
 * let the caller in, {@link CaseIntakeService} keeps it within its clinic.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    static final String IDEMPOTENCY_KEY = RequestFingerprint.IDEMPOTENCY_KEY;

    private final CaseIntakeService intake;
    private final Validator validator;
    private final PageRequests pages;

    CaseController(CaseIntakeService intake, Validator validator, PageRequests pages) {
        this.intake = intake;
        this.validator = validator;
        this.pages = pages;
    }

    @PostMapping
    ResponseEntity<OpenCaseResponse> open(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody OpenCaseRequest request) {
        Caller caller = Callers.current();
        OpenCaseRequest forClinic = request.forClinic(referringClinic(caller, request));
        IdempotencyKey key = idempotencyKey == null ? null : new IdempotencyKey(idempotencyKey, RequestFingerprint.of(forClinic));
        OpenedCase opened = intake.open(caller, forClinic.toNewCase(), key);
        String caseId = opened.patientCase().id().value();
        return ResponseEntity.created(URI.create("/api/cases/" + caseId)).body(OpenCaseResponse.of(opened.patientCase()));
    }

    /**
     * A coordinator names the clinic (400 when it does not); a clinic's is the one of its token, whatever the body says
     * (the service refuses a different one).
     */
    private String referringClinic(Caller caller, OpenCaseRequest request) {
        if (caller.has(Role.COORDINATOR)) {
            Set<ConstraintViolation<OpenCaseRequest>> violations = validator.validate(request, OpenCaseRequest.OnBehalfOfClinic.class);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            return request.referringClinicId();
        }
        String own = caller.requiredClinicId();
        String named = request.referringClinicId();
        return named == null || named.isBlank() ? own : named;
    }

    @GetMapping("/{caseId}")
    CaseView get(@PathVariable String caseId) {
        return CaseView.of(intake.get(Callers.current(), new CaseId(caseId)));
    }

    /**
     * The caller's cases (a clinic's own; every clinic's for a coordinator or specialist), newest first, pseudonymous. A page
     * size above the platform's cap ({@code passerelle.http.max-page-size}, 100), below 1, or a negative page is a 400.
     */
    @GetMapping
    CaseListView list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        pages.check(page, size);
        return CaseListView.of(intake.list(Callers.current(), page, size), page, size);
    }

    /**
     * The identity of the patient for a service that must name them (travel bookings); audited with the stated purpose. The
     * RAMQ number is not part of it: no booking needs it.
     */
    @GetMapping("/{caseId}/identity")
    IdentityView identity(@PathVariable String caseId,
            @RequestParam @NotBlank @Pattern(regexp = "[a-z][a-z-]{1,49}", message = "must be a purpose code such as travel-booking")
            String purpose) {
        return IdentityView.of(new CaseId(caseId), intake.identityForService(Callers.current(), new CaseId(caseId), purpose));
    }
}
