package ca.passerelle.testinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI checks every service must pass, written once. A service's test extends this with the same Spring test
 * configuration as its other integration tests (so the running application is shared), and gives its name and a few
 * of its routes to the constructor. The description at {@code /v3/api-docs} (springdoc, from service-platform):
 * <ul>
 * <li>is refused without a token (401) and to a token without a Passerelle role (403), and served to a token of every
 * role, as JSON and as YAML (docs/security-model.md);</li>
 * <li>is titled after the service, declares the bearer scheme, requires it on every operation, and names a relative
 * server so the document is the same wherever the service runs;</li>
 * <li>describes every controller route of the service ({@link OpenApiInventory}), and is written to
 * {@code target/openapi/<service>.json}, the build's copy of it.</li>
 * </ul>
 */
public abstract class OpenApiDocumentContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The scheme's name in {@code components.securitySchemes}, as service-platform's OpenApiConfiguration declares it. */
    private static final String BEARER_SCHEME = "bearer";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    private int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping routes;

    private final String serviceName;
    private final List<String> knownRoutes;

    /**
     * @param serviceName the service's {@code spring.application.name}: the document's title and the name of its file in
     *        the build
     * @param knownRoutes a few routes the service is known to serve, as {@code METHOD /path/{variable}}: proof that the
     *        inventory sees the service's controllers (an empty inventory would make "every route is described" vacuous)
     */
    protected OpenApiDocumentContract(String serviceName, String... knownRoutes) {
        this.serviceName = serviceName;
        this.knownRoutes = List.of(knownRoutes);
    }

    /**
     * Whether the document must describe this controller route ({@code METHOD /path/{variable}}): every route, unless a
     * service serves more than its HTTP API (the dashboard's pages).
     */
    protected boolean isApiRoute(String route) {
        return true;
    }

    @Test
    void refusesTheDescriptionWithoutATokenOrWithoutARole() throws Exception {
        assertEquals(401, get("/v3/api-docs", null).statusCode());
        assertEquals(403, get("/v3/api-docs", TestIssuer.get().token("nobody", List.of(), Map.of())).statusCode());
    }

    @Test
    void servesTheDescriptionToEveryRole() throws Exception {
        for (Map.Entry<String, String> reader : everyRole().entrySet()) {
            assertEquals(200, get("/v3/api-docs", reader.getValue()).statusCode(), reader.getKey());
        }
        HttpResponse<String> yaml = get("/v3/api-docs.yaml", TestTokens.coordinator());
        assertEquals(200, yaml.statusCode());
        assertTrue(yaml.body().startsWith("openapi: 3."), yaml.body().lines().findFirst().orElse(""));
    }

    @Test
    void requiresTheBearerSchemeOnEveryOperationAndNamesARelativeServer() throws Exception {
        JsonNode document = document();

        assertTrue(document.path("openapi").asString().startsWith("3."), document.path("openapi").asString());
        assertEquals(serviceName, document.path("info").path("title").asString());
        JsonNode scheme = document.path("components").path("securitySchemes").path(BEARER_SCHEME);
        assertEquals("http", scheme.path("type").asString());
        assertEquals("bearer", scheme.path("scheme").asString());
        assertTrue(requires(document.path("security")), "the document requires the bearer scheme");
        List<String> exempt = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode security = operation.getValue().path("security");
            if (!security.isMissingNode() && !requires(security)) {
                exempt.add(operation.getKey() + " " + path.getKey());
            }
        }));
        assertEquals(List.of(), exempt, "operations that drop the bearer scheme");
        assertEquals("/", document.path("servers").path(0).path("url").asString());
    }

    @Test
    void describesEveryControllerRouteAndIsWrittenIntoTheBuild() throws Exception {
        JsonNode document = document();
        Path file = Path.of("target", "openapi", serviceName + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, document.toPrettyString(), StandardCharsets.UTF_8);

        List<String> described = OpenApiInventory.applicationRoutes(routes).stream().filter(this::isApiRoute).toList();
        assertTrue(described.containsAll(knownRoutes), "routes found: " + described);
        assertEquals(List.of(), OpenApiInventory.routesMissingFrom(document, described), "routes the description leaves out");
        assertEquals(document, JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)));
    }

    /** The service's description, as a coordinator reads it. */
    protected final JsonNode document() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/v3/api-docs", TestTokens.coordinator());
        assertEquals(200, response.statusCode());
        return JSON.readTree(response.body());
    }

    /** The running service's controller routes. */
    protected final RequestMappingHandlerMapping routes() {
        return routes;
    }

    private static boolean requires(JsonNode security) {
        for (JsonNode requirement : security) {
            if (requirement.has(BEARER_SCHEME)) {
                return true;
            }
        }
        return false;
    }

    /** A valid token of each Passerelle role, by role. */
    private static Map<String, String> everyRole() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("COORDINATOR", TestTokens.coordinator());
        tokens.put("SPECIALIST", TestTokens.specialist());
        tokens.put("CLINIC", TestTokens.clinic("clinic-qc-laval-01"));
        tokens.put("HOSPITAL", TestTokens.hospital("fr-lyon-chu-01"));
        tokens.put("SERVICE", TestTokens.service("travel-coordination-service"));
        tokens.put("OPERATOR", TestIssuer.get().token("metrics-scraper", List.of("OPERATOR"), Map.of()));
        return tokens;
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
