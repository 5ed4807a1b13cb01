package ca.passerelle.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import ca.passerelle.events.EventCodec;
import ca.passerelle.platform.security.GuardedTestApplication;
import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestIssuer;
import ca.passerelle.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platform gives every service its OpenAPI description: {@code /v3/api-docs} for a valid token of any role (401
 * without one, 403 for a token without a Passerelle role), with the bearer scheme on every operation, and
 * {@link OpenApiInventory} finds any controller route the description leaves out.
 */
@SpringBootTest(classes = GuardedTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=guarded-test")
@RealInfrastructure
class OpenApiDocumentIT {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheDescriptionToAnyRoleAndNobodyElse() throws Exception {
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(401);
        assertThat(get("/v3/api-docs", TestIssuer.get().token("nobody", List.of(), Map.of())).statusCode()).isEqualTo(403);
        for (String token : List.of(TestTokens.coordinator(), TestTokens.hospital("fr-lyon-chu-01"), TestTokens.clinic("clinic-qc-laval-01"),
                TestTokens.service("travel-coordination-service"), TestIssuer.get().token("metrics-scraper", List.of("OPERATOR"), Map.of()))) {
            assertThat(get("/v3/api-docs", token).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> yaml = get("/v3/api-docs.yaml", TestTokens.coordinator());
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body()).contains("openapi: 3.");
    }

    @Test
    void declaresTheBearerSchemeOnEveryOperationAndAStableServer() throws Exception {
        JsonNode document = EventCodec.mapper().readTree(get("/v3/api-docs", TestTokens.coordinator()).body());

        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("info").path("title").asString()).isEqualTo("guarded-test");
        assertThat(document.path("components").path("securitySchemes").path(OpenApiConfiguration.BEARER_SCHEME).path("scheme").asString())
                .isEqualTo("bearer");
        assertThat(document.path("security").get(0).has(OpenApiConfiguration.BEARER_SCHEME)).isTrue();
        assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("/");
    }

    @Test
    void describesEveryControllerRoute() throws Exception {
        JsonNode document = EventCodec.mapper().readTree(get("/v3/api-docs", TestTokens.coordinator()).body());

        assertThat(OpenApiInventory.applicationRoutes(routes)).contains("GET /api/whoami", "GET /api/records/{recordId}", "POST /api/notes")
                .noneMatch(route -> route.contains("api-docs"));
        assertThat(OpenApiInventory.routesMissingFrom(document, routes)).isEmpty();
    }

    @Test
    void namesARouteTheDescriptionLeavesOut() throws Exception {
        ObjectNode document = (ObjectNode) EventCodec.mapper().readTree(get("/v3/api-docs", TestTokens.coordinator()).body());
        ((ObjectNode) document.path("paths")).remove("/api/whoami");

        assertThat(OpenApiInventory.routesMissingFrom(document, routes)).containsExactly("GET /api/whoami");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
