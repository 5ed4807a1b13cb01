package ca.passerelle.platform.security;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.http.HttpMethod;

/**
 * One explicit route rule: which roles may call {@code method pattern}. Rules are data so that a test can prove every
 * route of a service has one; whatever no rule names is denied.
 */
public record AccessRule(HttpMethod method, String pattern, Set<Role> roles) {

    public AccessRule {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a rule names at least one role; unnamed routes are denied anyway");
        }
        roles = EnumSet.copyOf(roles);
    }

    public static AccessRule allow(HttpMethod method, String pattern, Role first, Role... others) {
        return new AccessRule(method, pattern, EnumSet.of(first, others));
    }
}
