package ca.passerelle.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestIssuer;
import ca.passerelle.testinfra.TestTokens;

/**
 * The Prometheus scrape path: only an OPERATOR token (the {@code metrics-scraper} client) reads it, every other
 * actuator endpoint but health and info stays denied, and request metrics are tagged with the route template, never
 * with the ids of a raw path.
 */
@SpringBootTest(classes = GuardedTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=guarded-test")
@RealInfrastructure
class PrometheusScrapeIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    static String operator() {
        return TestIssuer.get().token("metrics-scraper", List.of("OPERATOR"), Map.of());
    }

    @Test
    void opensTheScrapeToOperatorTokensOnly() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", TestTokens.coordinator()).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", TestTokens.service("operations-dashboard")).statusCode()).isEqualTo(403);
        HttpResponse<String> scrape = get("/actuator/prometheus", operator());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void givesAnOperatorNothingElse() throws Exception {
        for (String path : new String[] {"/actuator/metrics", "/actuator/env", "/actuator/beans", "/api/whoami", "/api/records/r-1"}) {
            assertThat(get(path, operator()).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(get("/actuator/health", operator()).statusCode()).isEqualTo(200);
    }

    @Test
    void tagsRequestMetricsWithTheRouteTemplateNotTheIdsOfThePath() throws Exception {
        String recordId = "r-CANARY-" + UUID.randomUUID();
        String clinic = "clinic-qc-CANARY-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(get("/api/records/" + recordId, TestTokens.coordinator()).statusCode()).isEqualTo(200);
        assertThat(get("/api/clinics/" + clinic + "/cases", TestTokens.clinic(clinic)).statusCode()).isEqualTo(200);
        assertThat(get("/api/records/" + recordId + "-denied", TestTokens.hospital("fr-lyon-chu-01")).statusCode()).isEqualTo(403);
        assertThat(get("/api/no-such-route/" + recordId, TestTokens.coordinator()).statusCode()).isIn(403, 404);

        String scrape = get("/actuator/prometheus", operator()).body();

        assertThat(scrape).contains("http_server_requests_seconds_count{")
                .contains("uri=\"/api/records/{recordId}\"")
                .contains("uri=\"/api/clinics/{clinicId}/cases\"")
                .doesNotContain("CANARY")
                .doesNotContain(recordId);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
