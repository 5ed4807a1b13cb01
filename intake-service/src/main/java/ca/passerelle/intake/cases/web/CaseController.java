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
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.intake.cases.CaseId;
import ca.passerelle.intake.cases.CaseIntakeService;
import ca.passerelle.intake.cases.IdempotencyKey;
import ca.passerelle.intake.cases.OpenedCase;
import ca.passerelle.platform.security.Caller;
import ca.passerelle.platform.security.Callers;
import ca.passerelle.platform.security.Role;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

/**
 * Clinics (or a coordinator on a clinic's behalf) open cases and read them back; the rules of {@link CaseAccessPolicy}
 * let the caller in, {@link CaseIntakeService} keeps it within its clinic.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CaseIntakeService intake;
    private final Validator validator;

    CaseController(CaseIntakeService intake, Validator validator) {
        this.intake = intake;
        this.validator = validator;
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
}
