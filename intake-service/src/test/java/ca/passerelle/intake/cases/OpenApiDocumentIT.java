package ca.passerelle.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import ca.passerelle.events.EventCodec;
import ca.passerelle.platform.web.OpenApiConfiguration;
import ca.passerelle.platform.web.OpenApiInventory;
import ca.passerelle.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * This service's OpenAPI description (springdoc, from the platform), produced by the build: fetched from
 * {@code /v3/api-docs} with a clinic token (any role may read it; no token is 401), written to
 * {@code target/openapi/intake-service.json}, and checked to describe every controller route of the service.
 */
class OpenApiDocumentIT extends IntakeHttp {

    static final String SERVICE = "intake-service";
    static final Path DOCUMENT = Path.of("target", "openapi", SERVICE + ".json");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void describesEveryControllerRouteAndIsWrittenIntoTheBuild() throws Exception {
        HttpResponse<String> response = fetch("/v3/api-docs", TestTokens.clinic(LAVAL));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = EventCodec.mapper().readTree(response.body());
        Files.createDirectories(DOCUMENT.getParent());
        Files.writeString(DOCUMENT, document.toPrettyString(), StandardCharsets.UTF_8);

        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("info").path("title").asString()).isEqualTo(SERVICE);
        assertThat(document.path("components").path("securitySchemes").has(OpenApiConfiguration.BEARER_SCHEME)).isTrue();
        assertThat(OpenApiInventory.applicationRoutes(routes)).contains("POST /api/cases", "GET /api/cases/{caseId}", "GET /api/cases/{caseId}/identity");
        assertThat(OpenApiInventory.routesMissingFrom(document, routes)).isEmpty();
        assertThat(EventCodec.mapper().readTree(Files.readString(DOCUMENT, StandardCharsets.UTF_8))).isEqualTo(document);
    }

    @Test
    void refusesTheDescriptionWithoutAToken() throws Exception {
        assertThat(fetch("/v3/api-docs", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> fetch(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
