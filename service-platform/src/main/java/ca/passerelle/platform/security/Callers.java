package ca.passerelle.platform.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the {@link Caller} out of the validated token of the current request. */
public final class Callers {

    /** The token claim carrying the caller's roles. */
    public static final String ROLES_CLAIM = "roles";
    static final String CLINIC_CLAIM = "clinic_id";
    static final String HOSPITAL_CLAIM = "hospital_id";

    private Callers() {
    }

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return of(token.getToken());
        }
        throw new AuthenticationCredentialsNotFoundException("no bearer token");
    }

    static Caller of(Jwt jwt) {
        return new Caller(jwt.getSubject(), roles(jwt), text(jwt, CLINIC_CLAIM), text(jwt, HOSPITAL_CLAIM));
    }

    static Set<Role> roles(Jwt jwt) {
        List<String> names = jwt.getClaimAsStringList(ROLES_CLAIM);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String name : names) {
                for (Role role : Role.values()) {
                    if (role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }

    private static Optional<String> text(Jwt jwt, String claim) {
        return Optional.ofNullable(jwt.getClaimAsString(claim)).filter(value -> !value.isBlank());
    }
}
