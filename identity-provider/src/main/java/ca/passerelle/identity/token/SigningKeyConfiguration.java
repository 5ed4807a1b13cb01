package ca.passerelle.identity.token;

import ca.passerelle.identity.IdentityProperties;
import ca.passerelle.identity.principal.PrincipalDirectory;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/** The signing key published at {@code /oauth2/jwks}, the decoder of the userinfo endpoint, and the claims. */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

  @Bean
  JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
    return new ImmutableJWKSet<>(new JWKSet(SigningKeys.from(properties.signingKey())));
  }

  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
    return NimbusJwtDecoder.withJwkSource(jwkSource).build();
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> passerelleClaims(PrincipalDirectory directory,
      IdentityProperties properties) {
    return new PasserelleClaimsCustomizer(directory, properties.audience());
  }
}
