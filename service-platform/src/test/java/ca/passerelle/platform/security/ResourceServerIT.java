package ca.passerelle.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ca.passerelle.platform.audit.AuditEntry;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TokenRejectionContract;

@SpringBootTest(classes = GuardedTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=guarded-test")
@RealInfrastructure
class ResourceServerIT extends TokenRejectionContract {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;
    @Autowired
    List<AccessPolicy> policies;
    @Autowired
    AuditTrail audit;
    @Autowired
    org.springframework.context.ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected URI protectedRoute() {
        return uri("/api/whoami");
    }

    @Override
    protected String validToken() {
        return TestTokens.coordinator();
    }

    @Test
    void takesRolesAndTenantFromTheTokenOnly() throws Exception {
        HttpResponse<String> response = get("/api/whoami?clinicId=someone-else", TestTokens.clinic("clinic-qc-laval-01"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"clinicId\":\"clinic-qc-laval-01\"").contains("CLINIC").doesNotContain("someone-else");
    }

    @Test
    void answersAnotherTenantsObjectWithNotFound() throws Exception {
        assertThat(get("/api/clinics/clinic-qc-laval-01/cases", TestTokens.clinic("clinic-qc-laval-01")).statusCode()).isEqualTo(200);
        assertThat(get("/api/clinics/clinic-qc-montreal-01/cases", TestTokens.clinic("clinic-qc-laval-01")).statusCode()).isEqualTo(404);
        assertThat(get("/api/clinics/clinic-qc-montreal-01/cases", TestTokens.coordinator()).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesARoleTheRuleDoesNotNameWithForbidden() throws Exception {
        HttpResponse<String> response = get("/api/clinics/clinic-qc-laval-01/cases", TestTokens.hospital("fr-lyon-chu-01"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void answersATenantCheckFailingInsideTheApplicationWithForbidden() throws Exception {
        assertThat(get("/api/my-clinic", TestTokens.clinic("clinic-qc-laval-01")).body()).contains("clinic-qc-laval-01");
        HttpResponse<String> response = get("/api/my-clinic", TestTokens.coordinator());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void deniesARouteNoRuleNamesEvenToACoordinator() throws Exception {
        assertThat(get("/api/forgotten", TestTokens.coordinator()).statusCode()).isEqualTo(403);
    }

    @Test
    void routeInventoryNamesEveryRouteWithoutARule() {
        assertThat(RouteInventory.routesWithoutRule(routes, policies)).containsExactly("GET /api/forgotten");
    }

    @Test
    void routeInventoryOfTheWholeDispatcherSeesActuatorAndApiDocsRoutesAndNamesOnlyTheForgottenOne() {
        assertThat(RouteInventory.routes(context)).as("controllers, springdoc and actuator endpoints are all enumerated")
                .contains("GET /api/whoami", "POST /api/notes", "GET /v3/api-docs", "GET /actuator/prometheus", "GET /actuator/health",
                        "GET /actuator/info", "GET /actuator/metrics")
                .as("no static-resource routes behind the API").noneMatch(route -> route.endsWith(" /**") || route.contains("/webjars/"));
        assertThat(RouteInventory.routesWithoutRule(context, policies)).containsExactly("GET /api/forgotten");
        assertThat(RouteInventory.routesWithoutRule(context, List.of())).as("without the service's policies its routes are unruled")
                .contains("GET /api/whoami", "POST /api/notes").doesNotContain("GET /actuator/prometheus", "GET /actuator/health");
    }

    @Test
    void auditsEachReadExactlyOnceWithWhoAndWhatButNoContent() throws Exception {
        String recordId = "r-" + java.util.UUID.randomUUID();
        assertThat(get("/api/records/" + recordId, TestTokens.coordinator()).statusCode()).isEqualTo(200);

        List<AuditEntry> entries = audit.entriesAbout("record", recordId);

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("coordonnatrice");
            assertThat(entry.roles()).containsExactly("COORDINATOR");
            assertThat(entry.action()).isEqualTo("record.read");
            assertThat(entry.purpose()).isEqualTo("care-coordination");
        });
        assertThat(java.util.Arrays.stream(AuditTrail.class.getMethods()).map(java.lang.reflect.Method::getName))
                .as("the audit trail offers no way to change or remove an entry")
                .noneMatch(name -> name.matches("(?i).*(update|delete|remove|save|modify|clear).*"));
    }

    @Test
    void leavesHealthOpenForProbes() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
