package ca.passerelle.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import ca.passerelle.platform.security.AccessPolicy;
import ca.passerelle.platform.security.RouteInventory;
import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestIssuer;
import ca.passerelle.testinfra.TestTokens;

/**
 * The gateway's rows of the authorisation table (docs/security-model.md): every route has a rule; the facility routes
 * are for services only, the status for services and coordinators; any other role is 403 before anything reaches
 * upstream. The gateway holds no tenant's objects, so there is no cross-tenant case here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class FacilityGatewayAccessIT {

    private static final Map<String, Supplier<String>> PEOPLE = Map.of(
            "COORDINATOR", TestTokens::coordinator,
            "SPECIALIST", TestTokens::specialist,
            "CLINIC", () -> TestTokens.clinic("clinic-qc-laval-01"),
            "HOSPITAL", () -> TestTokens.hospital("fr-lyon-chu-01"),
            "OPERATOR", () -> TestIssuer.get().token("metrics-scraper", List.of("OPERATOR"), Map.of()));

    /** Each route with the roles the table does not name for it. */
    private static final List<Route> FORBIDDEN = List.of(
            new Route("GET", "/api/facilities?country=FR", List.of("COORDINATOR", "SPECIALIST", "CLINIC", "HOSPITAL", "OPERATOR")),
            new Route("GET", "/api/facilities/fr-lyon-chu-01/availability", List.of("COORDINATOR", "SPECIALIST", "CLINIC", "HOSPITAL", "OPERATOR")),
            new Route("POST", "/api/holds", List.of("COORDINATOR", "SPECIALIST", "CLINIC", "HOSPITAL", "OPERATOR")),
            new Route("POST", "/api/holds/h-1/confirmation", List.of("COORDINATOR", "SPECIALIST", "CLINIC", "HOSPITAL", "OPERATOR")),
            new Route("DELETE", "/api/holds/h-1", List.of("COORDINATOR", "SPECIALIST", "CLINIC", "HOSPITAL", "OPERATOR")),
            new Route("GET", "/api/status", List.of("SPECIALIST", "CLINIC", "HOSPITAL", "OPERATOR")),
            // actuator routes that exist but are opened to nobody (SecurityConfiguration.DENIED_PATHS)
            new Route("GET", "/actuator", List.of("COORDINATOR", "SPECIALIST", "CLINIC", "HOSPITAL", "OPERATOR")),
            new Route("GET", "/actuator/metrics", List.of("COORDINATOR", "SPECIALIST", "CLINIC", "HOSPITAL", "OPERATOR")),
            new Route("GET", "/actuator/metrics/jvm.memory.used", List.of("COORDINATOR", "SPECIALIST", "CLINIC", "HOSPITAL", "OPERATOR")),
            // the scrape is the OPERATOR's only route
            new Route("GET", "/actuator/prometheus", List.of("COORDINATOR", "SPECIALIST", "CLINIC", "HOSPITAL")));

    record Route(String method, String path, List<String> forbiddenRoles) {
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;
    @Autowired
    List<AccessPolicy> policies;
    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void givesEveryRouteAnExplicitRule() {
        assertThat(RouteInventory.routesWithoutRule(routes, policies)).isEmpty();
        assertThat(routes.getHandlerMethods()).as("the inventory saw the gateway's routes").hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void givesEveryRouteTheDispatcherServesAnExplicitRuleActuatorAndApiDocsIncluded() {
        assertThat(RouteInventory.routes(context)).as("controllers, springdoc and actuator endpoints, all enumerated")
                .contains("GET /api/facilities", "POST /api/holds", "GET /api/status", "GET /v3/api-docs", "GET /actuator/health",
                        "GET /actuator/prometheus", "GET /actuator/metrics")
                .as("no static-resource route").noneMatch(route -> route.endsWith(" /**") || route.contains("/webjars/"));
        assertThat(RouteInventory.routesWithoutRule(context, policies)).isEmpty();
    }

    @Test
    void refusesEveryRoleTheTableDoesNotNameWithForbidden() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Route route : FORBIDDEN) {
            for (String role : route.forbiddenRoles()) {
                HttpResponse<String> answer = send(route.method(), route.path(), PEOPLE.get(role).get());
                if (answer.statusCode() != 403 || !answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    wrong.add(role + " " + route.method() + " " + route.path() + " → " + answer.statusCode());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void letsServicesAndCoordinatorsReadTheStatus() throws Exception {
        assertThat(send("GET", "/api/status", TestTokens.service("operations-dashboard")).statusCode()).isEqualTo(200);
        HttpResponse<String> coordinator = send("GET", "/api/status", TestTokens.coordinator());
        assertThat(coordinator.statusCode()).isEqualTo(200);
        assertThat(coordinator.body()).contains("\"dependency\":\"facility-api\"");
    }

    @Test
    void keepsActuatorHealthOpenAndEverythingUnlistedDenied() throws Exception {
        assertThat(send("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/metrics", TestTokens.service("travel-coordination-service")).statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/api/holds/h-1", TestTokens.service("travel-coordination-service")).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, "POST".equals(method) || "PUT".equals(method)
                        ? BodyPublishers.ofString("{\"slotId\":\"s-1\",\"reference\":\"c-1\"}")
                        : BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
