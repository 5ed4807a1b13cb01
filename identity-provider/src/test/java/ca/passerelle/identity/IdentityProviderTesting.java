package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running identity provider the way a service would, and checks what it signs. */
final class IdentityProviderTesting {

  /** Not the default, so that the tests prove the issuer comes from configuration. */
  static final String ISSUER = "http://identity.passerelle.test:9000";
  static final String ISSUER_PROPERTY = "passerelle.identity.issuer=" + ISSUER;

  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private final URI base;

  IdentityProviderTesting(int port) {
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  URI base() {
    return base;
  }

  HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Client credentials with the secret in HTTP basic authentication ({@code client_secret_basic}). */
  HttpResponse<String> clientCredentials(String clientId, String secret) throws IOException, InterruptedException {
    String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
        + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(base.resolve("/oauth2/token"))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Client credentials with the secret in the form ({@code client_secret_post}). */
  HttpResponse<String> clientCredentialsInForm(String clientId, String secret)
      throws IOException, InterruptedException {
    String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
        + (secret == null ? "" : "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(base.resolve("/oauth2/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The access token of a {@code 200} token response, its RS256 signature checked against the published JWKS. */
  JWTClaimsSet verifiedAccessToken(HttpResponse<String> tokenResponse) throws Exception {
    assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
    JsonNode json = json(tokenResponse);
    assertThat(json.path("token_type").asString()).isEqualTo("Bearer");
    return verified(json.path("access_token").asString());
  }

  /** Parses a JWT and checks its RS256 signature against the key of the same {@code kid} in /oauth2/jwks. */
  JWTClaimsSet verified(String token) throws IOException, InterruptedException, ParseException, JOSEException {
    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    JWKSet published = JWKSet.parse(get("/oauth2/jwks", "application/json").body());
    JWK key = published.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(key).as("the token's kid is published").isNotNull();
    assertThat(jwt.verify(new RSASSAVerifier(key.toRSAKey()))).as("signature").isTrue();
    return jwt.getJWTClaimsSet();
  }

  static JsonNode json(HttpResponse<String> response) {
    return JsonMapper.shared().readTree(response.body());
  }
}
