package ca.passerelle.assessment.evaluation.web;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import ca.passerelle.platform.security.AccessPolicy;
import ca.passerelle.platform.security.AccessRule;
import ca.passerelle.platform.security.Role;

/**
 * Who may call which assessment route (docs/security-model.md); every other route is denied by the platform. A clinic
 * passes the read rule for any case id; {@code AssessmentService} then answers 404 for another clinic's case. A coordinator
 * may record the evaluation on a specialist's behalf (issue #5); the evaluation and its audit entry then name the coordinator.
 */
@Component
class AssessmentAccessPolicy implements AccessPolicy {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.allow(HttpMethod.GET, "/api/assessments/{caseId}", Role.COORDINATOR, Role.SPECIALIST, Role.CLINIC),
                AccessRule.allow(HttpMethod.GET, "/api/assessments/{caseId}/gating", Role.COORDINATOR, Role.SPECIALIST, Role.CLINIC),
                AccessRule.allow(HttpMethod.GET, "/api/assessments/{caseId}/decision-support", Role.COORDINATOR, Role.SPECIALIST,
                        Role.CLINIC),
                AccessRule.allow(HttpMethod.POST, "/api/assessments/{caseId}/evaluation", Role.SPECIALIST, Role.COORDINATOR));
    }
}
