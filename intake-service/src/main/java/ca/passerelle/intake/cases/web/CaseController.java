package ca.passerelle.intake.cases.web;

import java.net.URI;

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
import jakarta.validation.Valid;

/** Clinics open cases and read them back. */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CaseIntakeService intake;

    CaseController(CaseIntakeService intake) {
        this.intake = intake;
    }

    @PostMapping
    ResponseEntity<OpenCaseResponse> open(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody OpenCaseRequest request) {
        IdempotencyKey key = idempotencyKey == null ? null : new IdempotencyKey(idempotencyKey, RequestFingerprint.of(request));
        OpenedCase opened = intake.open(request.toNewCase(), key);
        String caseId = opened.patientCase().id().value();
        return ResponseEntity.created(URI.create("/api/cases/" + caseId)).body(OpenCaseResponse.of(opened.patientCase()));
    }

    @GetMapping("/{caseId}")
    CaseView get(@PathVariable String caseId) {
        return CaseView.of(intake.get(new CaseId(caseId)));
    }
}
