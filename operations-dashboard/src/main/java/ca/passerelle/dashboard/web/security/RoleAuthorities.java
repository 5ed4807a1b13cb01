package ca.passerelle.dashboard.web.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import ca.passerelle.platform.security.Callers;
import ca.passerelle.platform.security.Role;

/**
 * Gives a coordinator's login session the roles of the identity provider: the {@code roles} claim of the ID token (and
 * of user info, when fetched) becomes {@code ROLE_<role>} authorities, as the resource servers do with access tokens.
 * Names that are not a {@link Role} are ignored; a user without roles gets none and is refused everywhere.
 */
final class RoleAuthorities implements GrantedAuthoritiesMapper {

    static final String ROLES_CLAIM = Callers.ROLES_CLAIM;

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc && oidc.getAttributes().get(ROLES_CLAIM) instanceof Collection<?> roles) {
                for (Object name : roles) {
                    for (Role role : Role.values()) {
                        if (role.name().equals(name)) {
                            mapped.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
                        }
                    }
                }
            }
        }
        return List.copyOf(mapped);
    }
}
