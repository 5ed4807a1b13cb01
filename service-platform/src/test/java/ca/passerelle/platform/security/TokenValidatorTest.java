package ca.passerelle.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The platform's token validator adds its checks (issuer, audience, expiry required, our clock skew) to the
 * framework's defaults instead of replacing them: the default type and certificate-binding checks still refuse.
 */
class TokenValidatorTest {

    private static final String ISSUER = "http://127.0.0.1:9000";
    private final OAuth2TokenValidator<Jwt> validator = SecurityConfiguration.tokenValidator(
            new SecurityProperties(ISSUER, "passerelle", Duration.ofSeconds(30)));

    @Test
    void acceptsAValidTokenAndOneJustExpiredWithinTheClockSkew() {
        assertThat(refused(token -> token)).isFalse();
        Instant now = Instant.now();
        assertThat(refused(token -> token.issuedAt(now.minusSeconds(300)).expiresAt(now.minusSeconds(10)))).isFalse();
    }

    @Test
    void refusesWrongIssuerAudienceAndMissingOrPastExpiry() {
        Instant now = Instant.now();
        assertThat(refused(token -> token.issuer("http://127.0.0.1:9001"))).as("wrong issuer").isTrue();
        assertThat(refused(token -> token.audience(List.of("another-api")))).as("wrong audience").isTrue();
        assertThat(refused(token -> token.claims(claims -> claims.remove("aud")))).as("no audience").isTrue();
        assertThat(refused(token -> token.claims(claims -> claims.remove("exp")))).as("no expiry").isTrue();
        // beyond our 30 s skew, yet within the framework's 60 s default: our skew is the one applied
        assertThat(refused(token -> token.issuedAt(now.minusSeconds(300)).expiresAt(now.minusSeconds(45)))).as("expired 45 s ago").isTrue();
        assertThat(refused(token -> token.notBefore(now.plusSeconds(120)))).as("not yet valid").isTrue();
    }

    @Test
    void keepsTheFrameworksDefaultChecks() {
        assertThat(refused(token -> token.header("typ", "logout+jwt"))).as("JwtTypeValidator: not an access token type").isTrue();
        assertThat(refused(token -> token.claim("cnf", Map.of("x5t#S256", "bm90LXRoZS1jZXJ0aWZpY2F0ZQ"))))
                .as("X509CertificateThumbprintValidator: bound to a client certificate this request did not present").isTrue();
    }

    private boolean refused(UnaryOperator<Jwt.Builder> change) {
        Instant now = Instant.now();
        Jwt.Builder token = Jwt.withTokenValue("token").header("alg", "RS256").header("typ", "JWT")
                .issuer(ISSUER).subject("coordonnatrice").audience(List.of("passerelle"))
                .issuedAt(now.minusSeconds(5)).notBefore(now.minusSeconds(5)).expiresAt(now.plusSeconds(300))
                .claim("roles", List.of("COORDINATOR"));
        return validator.validate(change.apply(token).build()).hasErrors();
    }
}
