package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = IdentityProviderTesting.ISSUER_PROPERTY)
class OpenIdConfigurationIT {

  @LocalServerPort
  int port;

  IdentityProviderTesting idp;

  @BeforeEach
  void connect() {
    idp = new IdentityProviderTesting(port);
  }

  @Test
  void publishesTheConfiguredIssuerInTheDiscoveryDocument() throws Exception {
    HttpResponse<String> response = idp.get("/.well-known/openid-configuration", "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode discovery = IdentityProviderTesting.json(response);
    assertThat(discovery.path("issuer").asString()).isEqualTo(IdentityProviderTesting.ISSUER);
    assertThat(discovery.path("jwks_uri").asString()).isEqualTo(IdentityProviderTesting.ISSUER + "/oauth2/jwks");
    assertThat(discovery.path("token_endpoint").asString()).isEqualTo(IdentityProviderTesting.ISSUER + "/oauth2/token");
    assertThat(discovery.path("id_token_signing_alg_values_supported").values())
        .extracting(JsonNode::asString).contains("RS256");
    assertThat(discovery.path("code_challenge_methods_supported").values())
        .extracting(JsonNode::asString).contains("S256");
  }

  @Test
  void publishesOnlyThePublicHalfOfOneRsaSigningKey() throws Exception {
    HttpResponse<String> response = idp.get("/oauth2/jwks", "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode keys = IdentityProviderTesting.json(response).path("keys");
    assertThat(keys.size()).isEqualTo(1);
    JsonNode key = keys.get(0);
    assertThat(key.path("kty").asString()).isEqualTo("RSA");
    assertThat(key.path("alg").asString()).isEqualTo("RS256");
    assertThat(key.path("use").asString()).isEqualTo("sig");
    assertThat(key.path("kid").asString()).isNotBlank();
    assertThat(key.propertyNames()).doesNotContain("d", "p", "q", "dp", "dq", "qi");
  }

  @Test
  void answersHealthToAnonymousCallers() throws Exception {
    HttpResponse<String> response = idp.get("/actuator/health", "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(IdentityProviderTesting.json(response).path("status").asString()).isEqualTo("UP");
  }

  @Test
  void refusesAnAnonymousApiCallWithProblemJson() throws Exception {
    HttpResponse<String> response = idp.get("/actuator/env", "application/json");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = IdentityProviderTesting.json(response);
    assertThat(problem.path("status").asInt()).isEqualTo(401);
    assertThat(problem.path("title").asString()).isEqualTo("Unauthorized");
  }

  @Test
  void refusesALoginPostWithoutCsrfToken() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(idp.base().resolve("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=coordonnatrice&password=demo-coordonnatrice"))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.headers().allValues("Location")).isEmpty();
  }

  @Test
  void sendsAnAnonymousBrowserToTheLoginForm() throws Exception {
    HttpResponse<String> response = idp.get("/somewhere", "text/html");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/login"));
  }
}
