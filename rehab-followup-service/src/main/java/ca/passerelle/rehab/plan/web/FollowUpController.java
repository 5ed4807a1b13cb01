package ca.passerelle.rehab.plan.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.events.rehab.RehabClosure;
import ca.passerelle.platform.idempotency.RequestFingerprint;
import ca.passerelle.platform.security.Callers;
import ca.passerelle.rehab.plan.CaseId;
import ca.passerelle.rehab.plan.FollowUpService;
import ca.passerelle.rehab.plan.FollowUpStatus;
import ca.passerelle.rehab.plan.RehabPlan;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Follow-up reports of a case and its early closure (see {@link RehabPlanAccessPolicy} for who may call what). */
@RestController
@Validated
class FollowUpController {

    private final FollowUpService followUps;

    FollowUpController(FollowUpService followUps) {
        this.followUps = followUps;
    }

    /**
     * The case's rehabilitation clinic reports; another clinic gets 404, as for an unknown case. An optional
     * {@code Idempotency-Key} makes it safe to retry: the same request again answers the same report.
     */
    @PostMapping("/api/cases/{caseId}/follow-ups")
    @ResponseStatus(HttpStatus.CREATED)
    FollowUpResponse record(@PathVariable String caseId,
            @RequestHeader(name = RequestFingerprint.IDEMPOTENCY_KEY, required = false)
            @Size(min = 1, max = RequestFingerprint.MAX_KEY_LENGTH) @Pattern(regexp = "\\S.*") String idempotencyKey,
            @Valid @RequestBody FollowUpRequest request) {
        String fingerprint = idempotencyKey == null ? null : RequestFingerprint.of(request);
        return FollowUpResponse.from(caseId,
                followUps.record(CaseId.of(caseId), request.toDraft(), Callers.current(), idempotencyKey, fingerprint).report());
    }

    @GetMapping("/api/cases/{caseId}/follow-ups")
    List<FollowUpResponse> reports(@PathVariable String caseId) {
        return followUps.reports(CaseId.of(caseId), Callers.current()).stream()
                .map(report -> FollowUpResponse.from(caseId, report))
                .toList();
    }

    /** A coordinator ends the follow-up early with a reason code. */
    @PostMapping("/api/cases/{caseId}/rehab-closure")
    ClosureResponse close(@PathVariable String caseId, @Valid @RequestBody ClosureRequest request) {
        RehabPlan plan = followUps.close(CaseId.of(caseId), request.closure());
        return new ClosureResponse(caseId, plan.status(), plan.closure().orElse(null), plan.completedAt());
    }

    record ClosureRequest(@NotNull RehabClosure closure) {
    }

    record ClosureResponse(String caseId, FollowUpStatus status, RehabClosure closure, Instant completedAt) {
    }
}
