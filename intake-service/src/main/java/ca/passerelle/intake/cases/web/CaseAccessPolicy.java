package ca.passerelle.intake.cases.web;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import ca.passerelle.platform.security.AccessPolicy;
import ca.passerelle.platform.security.AccessRule;
import ca.passerelle.platform.security.Role;

/**
 * Who may call which intake route (docs/security-model.md); every other route is denied by the platform. The rules let a
 * clinic in; {@code CaseIntakeService} then keeps it to its own clinic (422 {@code clinic-mismatch} when opening for
 * another, 404 when reading another's case).
 */
@Component
class CaseAccessPolicy implements AccessPolicy {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.allow(HttpMethod.POST, "/api/cases", Role.COORDINATOR, Role.CLINIC),
                AccessRule.allow(HttpMethod.GET, "/api/cases/{caseId}", Role.COORDINATOR, Role.SPECIALIST, Role.CLINIC));
    }
}
