package ca.passerelle.intake.cases.web;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import ca.passerelle.platform.security.AccessPolicy;
import ca.passerelle.platform.security.AccessRule;
import ca.passerelle.platform.security.Role;

/**
 * Who may call which intake route (docs/security-model.md); every other route is denied by the platform. The rules let a
 * clinic in; the application services then keep it to its own clinic (422 {@code clinic-mismatch} when opening for
 * another, 404 when reading or updating another's case). Only services read the identity on its own (audited).
 */
@Component
class CaseAccessPolicy implements AccessPolicy {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.allow(HttpMethod.POST, "/api/cases", Role.COORDINATOR, Role.CLINIC),
                AccessRule.allow(HttpMethod.GET, "/api/cases", Role.COORDINATOR, Role.SPECIALIST, Role.CLINIC),
                AccessRule.allow(HttpMethod.GET, "/api/cases/{caseId}", Role.COORDINATOR, Role.SPECIALIST, Role.CLINIC),
                AccessRule.allow(HttpMethod.GET, "/api/cases/{caseId}/identity", Role.SERVICE),
                AccessRule.allow(HttpMethod.POST, "/api/cases/{caseId}/conservative-care-sessions", Role.COORDINATOR, Role.CLINIC),
                AccessRule.allow(HttpMethod.POST, "/api/cases/{caseId}/imaging", Role.COORDINATOR, Role.CLINIC),
                AccessRule.allow(HttpMethod.POST, "/api/cases/{caseId}/symptoms", Role.COORDINATOR, Role.CLINIC),
                AccessRule.allow(HttpMethod.POST, "/api/cases/{caseId}/red-flags", Role.COORDINATOR, Role.CLINIC),
                AccessRule.allow(HttpMethod.POST, "/api/cases/{caseId}/consents/{purpose}", Role.COORDINATOR, Role.CLINIC),
                AccessRule.allow(HttpMethod.DELETE, "/api/cases/{caseId}/consents/{purpose}", Role.COORDINATOR, Role.CLINIC),
                AccessRule.allow(HttpMethod.POST, "/api/cases/{caseId}/close", Role.COORDINATOR, Role.CLINIC),
                AccessRule.allow(HttpMethod.POST, "/api/cases/{caseId}/documents", Role.COORDINATOR, Role.CLINIC),
                AccessRule.allow(HttpMethod.GET, "/api/cases/{caseId}/documents/{documentId}", Role.COORDINATOR, Role.CLINIC));
    }
}
