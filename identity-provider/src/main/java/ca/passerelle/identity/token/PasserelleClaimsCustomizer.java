package ca.passerelle.identity.token;

import ca.passerelle.identity.principal.PrincipalClaims;
import ca.passerelle.identity.principal.PrincipalDirectory;
import java.util.List;
import java.util.Optional;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Writes the claims contract of docs/security-model.md. Access tokens get {@code roles}, {@code clinic_id} or
 * {@code hospital_id} when the principal has one, and {@code aud = [passerelle]} in place of the client id. ID tokens
 * get the same role and tenant claims (for the dashboard's login) but keep their client-id audience, as OpenID Connect
 * requires.
 */
public final class PasserelleClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

  public static final String ROLES = "roles";
  public static final String CLINIC_ID = "clinic_id";
  public static final String HOSPITAL_ID = "hospital_id";

  private final PrincipalDirectory directory;
  private final String audience;

  public PasserelleClaimsCustomizer(PrincipalDirectory directory, String audience) {
    this.directory = directory;
    this.audience = audience;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
    boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
    if (!accessToken && !idToken) {
      return;
    }
    JwtClaimsSet.Builder claims = context.getClaims();
    principalClaims(context).ifPresent(principal -> {
      claims.claim(ROLES, principal.roleNames());
      if (principal.clinicId() != null) {
        claims.claim(CLINIC_ID, principal.clinicId());
      }
      if (principal.hospitalId() != null) {
        claims.claim(HOSPITAL_ID, principal.hospitalId());
      }
    });
    if (accessToken) {
      claims.audience(List.of(audience));
    }
  }

  /** Client credentials: the client is the principal. Otherwise the signed-in user is. */
  private Optional<PrincipalClaims> principalClaims(JwtEncodingContext context) {
    if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
      return directory.client(context.getRegisteredClient().getClientId());
    }
    return directory.user(context.getPrincipal().getName());
  }
}
