package ca.passerelle.gateway.facility.web;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import ca.passerelle.platform.security.AccessPolicy;
import ca.passerelle.platform.security.AccessRule;
import ca.passerelle.platform.security.Role;

/**
 * Who may call the facility routes (docs/security-model.md): only services (travel-coordination, rehab-followup) with
 * their client-credentials token. No person calls the gateway directly; the gateway holds no tenant's objects.
 */
@Component
class FacilityAccessPolicy implements AccessPolicy {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.allow(HttpMethod.GET, "/api/facilities", Role.SERVICE),
                AccessRule.allow(HttpMethod.GET, "/api/facilities/*/availability", Role.SERVICE),
                AccessRule.allow(HttpMethod.POST, "/api/holds", Role.SERVICE),
                AccessRule.allow(HttpMethod.POST, "/api/holds/*/confirmation", Role.SERVICE),
                AccessRule.allow(HttpMethod.DELETE, "/api/holds/*", Role.SERVICE));
    }
}
