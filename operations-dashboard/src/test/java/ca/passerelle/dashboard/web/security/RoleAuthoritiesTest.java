package ca.passerelle.dashboard.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class RoleAuthoritiesTest {

    private final RoleAuthorities mapper = new RoleAuthorities();

    @Test
    void theRolesClaimOfTheIdTokenBecomesRoleAuthorities() {
        Collection<? extends GrantedAuthority> mapped = mapper.mapAuthorities(List.of(login(Map.of("roles", List.of("COORDINATOR"))),
                new SimpleGrantedAuthority("SCOPE_openid")));

        assertThat(mapped).extracting(GrantedAuthority::getAuthority).contains("ROLE_COORDINATOR", "SCOPE_openid", "OIDC_USER");
    }

    @Test
    void unknownRoleNamesAndMissingClaimsGiveNoRole() {
        assertThat(mapper.mapAuthorities(List.of(login(Map.of("roles", List.of("ADMIN", "coordinator"))))))
                .extracting(GrantedAuthority::getAuthority).noneMatch(name -> name.startsWith("ROLE_"));
        assertThat(mapper.mapAuthorities(List.of(login(Map.of()))))
                .extracting(GrantedAuthority::getAuthority).noneMatch(name -> name.startsWith("ROLE_"));
        assertThat(mapper.mapAuthorities(List.of(login(Map.of("roles", "COORDINATOR")))))
                .extracting(GrantedAuthority::getAuthority).noneMatch(name -> name.startsWith("ROLE_"));
    }

    @Test
    void aClinicUserGetsTheClinicRoleOnly() {
        assertThat(mapper.mapAuthorities(List.of(login(Map.of("roles", List.of("CLINIC"), "clinic_id", "clinic-qc-laval-01")))))
                .extracting(GrantedAuthority::getAuthority).contains("ROLE_CLINIC").doesNotContain("ROLE_COORDINATOR");
    }

    @Test
    void rolesFromUserInfoCountToo() {
        OidcIdToken idToken = idToken(Map.of());
        OidcUserAuthority authority = new OidcUserAuthority(idToken,
                new OidcUserInfo(Map.of("sub", "coordonnatrice", "roles", List.of("COORDINATOR"))));

        assertThat(mapper.mapAuthorities(List.of(authority))).extracting(GrantedAuthority::getAuthority).contains("ROLE_COORDINATOR");
    }

    private static OidcUserAuthority login(Map<String, Object> claims) {
        return new OidcUserAuthority(idToken(claims));
    }

    private static OidcIdToken idToken(Map<String, Object> claims) {
        Instant now = Instant.now();
        return OidcIdToken.withTokenValue("id-token").subject("coordonnatrice").issuedAt(now).expiresAt(now.plusSeconds(300))
                .claims(all -> all.putAll(claims)).build();
    }
}
