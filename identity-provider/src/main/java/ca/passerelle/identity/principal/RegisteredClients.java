package ca.passerelle.identity.principal;

import ca.passerelle.identity.IdentityProperties;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** Builds the Spring Authorization Server registrations of the configured clients. */
final class RegisteredClients {

  private RegisteredClients() {
  }

  static List<RegisteredClient> from(IdentityProperties properties, PasswordEncoder encoder) {
    TokenSettings tokens = TokenSettings.builder()
        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
        .accessTokenTimeToLive(properties.accessTokenTimeToLive())
        .build();
    return properties.clients().stream()
        .map(client -> client.isPublicClient() ? publicClient(client, tokens) : confidentialClient(client, tokens, encoder))
        .toList();
  }

  /** A clinic integration, a partner hospital or a service: client credentials, secret in basic auth or the body. */
  private static RegisteredClient confidentialClient(IdentityProperties.Client client, TokenSettings tokens,
      PasswordEncoder encoder) {
    return RegisteredClient.withId(stableId(client.id()))
        .clientId(client.id())
        .clientName(client.id())
        .clientSecret(Secrets.stored(client.secret(), encoder))
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .tokenSettings(tokens)
        .build();
  }

  /** The dashboard and the scripts: no secret, authorization code with PKCE (S256) required, no consent page. */
  private static RegisteredClient publicClient(IdentityProperties.Client client, TokenSettings tokens) {
    return RegisteredClient.withId(stableId(client.id()))
        .clientId(client.id())
        .clientName(client.id())
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUris(uris -> client.redirectUris().forEach(uri -> uris.add(uri.toString())))
        .scope(OidcScopes.OPENID)
        .scope(OidcScopes.PROFILE)
        .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
        .tokenSettings(tokens)
        .build();
  }

  private static String stableId(String clientId) {
    return UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
