package ca.passerelle.gateway.status.web;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import ca.passerelle.platform.security.AccessPolicy;
import ca.passerelle.platform.security.AccessRule;
import ca.passerelle.platform.security.Role;

/** Who may read the breaker state: the services that call the gateway, and coordinators (the operations dashboard). */
@Component
class StatusAccessPolicy implements AccessPolicy {

    @Override
    public List<AccessRule> rules() {
        return List.of(AccessRule.allow(HttpMethod.GET, "/api/status", Role.SERVICE, Role.COORDINATOR));
    }
}
