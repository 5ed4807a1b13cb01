package ca.passerelle.dashboard.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import ca.passerelle.platform.security.SecurityProperties;
import ca.passerelle.testinfra.TestIssuer;

/**
 * The login's ID tokens, checked against the loopback test issuer's real keys: the registration names its endpoints
 * instead of discovering them, so the issuer check must come from {@code passerelle.security.issuer}.
 */
class IdTokenValidationTest {

    private static final String CLIENT = "operations-dashboard-web";

    private final TestIssuer issuer = TestIssuer.get();
    private final JwtDecoder decoder = new DashboardSecurityConfiguration()
            .idTokenDecoderFactory(new SecurityProperties(issuer.issuer(), "passerelle", Duration.ofSeconds(30)))
            .createDecoder(registration());

    @Test
    void acceptsAnIdTokenOfTheIssuerForTheDashboardClient() {
        String idToken = issuer.token("coordonnatrice", List.of("COORDINATOR"), Map.of("aud", List.of(CLIENT)));

        assertThat(decoder.decode(idToken).getClaimAsStringList("roles")).containsExactly("COORDINATOR");
    }

    @Test
    void refusesAnIdTokenNamingAnotherIssuer() {
        String idToken = issuer.token("coordonnatrice", List.of("COORDINATOR"),
                Map.of("aud", List.of(CLIENT), "iss", "http://127.0.0.1:1/not-the-issuer"));

        assertThatThrownBy(() -> decoder.decode(idToken)).isInstanceOf(JwtException.class).hasMessageContaining("iss");
    }

    @Test
    void refusesATokenForAnotherAudience() {
        String accessToken = issuer.token("coordonnatrice", List.of("COORDINATOR"), Map.of());

        assertThatThrownBy(() -> decoder.decode(accessToken)).isInstanceOf(JwtException.class).hasMessageContaining("aud");
    }

    private ClientRegistration registration() {
        return ClientRegistration.withRegistrationId(DashboardSecurityConfiguration.LOGIN_REGISTRATION)
                .clientId(CLIENT)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/passerelle")
                .scope("openid")
                .authorizationUri(issuer.issuer() + "/oauth2/authorize")
                .tokenUri(issuer.issuer() + "/oauth2/token")
                .jwkSetUri(issuer.issuer() + "/oauth2/jwks")
                .userNameAttributeName("sub")
                .build();
    }
}
