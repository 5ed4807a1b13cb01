package ca.passerelle.rehab.plan.web;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import ca.passerelle.platform.security.AccessPolicy;
import ca.passerelle.platform.security.AccessRule;
import ca.passerelle.platform.security.Role;

/**
 * Who may call which route of this service (docs/security-model.md, the "rehab:" rows); every route not named here is
 * denied. The tenant check (a clinic sees only its own cases) is made on the plan itself, see {@link RehabPlanController}.
 */
@Component
class RehabPlanAccessPolicy implements AccessPolicy {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.allow(HttpMethod.GET, "/api/rehab-plans/{caseId}", Role.COORDINATOR, Role.SPECIALIST, Role.CLINIC),
                // Only the case's rehabilitation clinic, checked in FollowUpService (another clinic: 404).
                AccessRule.allow(HttpMethod.POST, "/api/cases/{caseId}/follow-ups", Role.CLINIC),
                AccessRule.allow(HttpMethod.GET, "/api/cases/{caseId}/follow-ups", Role.COORDINATOR, Role.SPECIALIST, Role.CLINIC),
                AccessRule.allow(HttpMethod.POST, "/api/cases/{caseId}/rehab-closure", Role.COORDINATOR),
                AccessRule.allow(HttpMethod.GET, "/api/alerts", Role.COORDINATOR),
                AccessRule.allow(HttpMethod.POST, "/api/alerts/{alertId}/acknowledge", Role.COORDINATOR));
    }
}
