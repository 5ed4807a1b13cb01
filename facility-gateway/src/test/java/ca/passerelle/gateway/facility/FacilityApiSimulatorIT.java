package ca.passerelle.gateway.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway against the real facility-api-simulator, run from its jar as a separate process, with its run-time
 * faults switched through {@code /admin/faults}. Breaker numbers are the production ones; the open wait is 2 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.messaging.relay-interval=200ms",
        "resilience4j.retry.instances.facility-api.wait-duration=20ms",
        "resilience4j.retry.instances.facility-api.exponential-max-wait-duration=100ms",
        "resilience4j.circuitbreaker.instances.facility-api.wait-duration-in-open-state=2s",
        // Breaker counts are asserted: the gateway's own rate limiter must not refuse the quick calls of these tests.
        "resilience4j.ratelimiter.instances.facility-api.limit-for-period=500"})
@RealInfrastructure
class FacilityApiSimulatorIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningSimulator simulator;

    @BeforeAll
    static void startSimulator() throws Exception {
        assumeTrue(RunningSimulator.available(), "facility-api-simulator jar not found at " + RunningSimulator.JAR.toAbsolutePath()
                + ": build it first (./mvnw -pl facility-api-simulator package, or ./mvnw verify from the root)");
        simulator = RunningSimulator.start("--simulator.holds.sweep-interval=1h");
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @DynamicPropertySource
    static void upstreamAddress(DynamicPropertyRegistry registry) {
        registry.add("passerelle.gateway.upstream.base-url", () -> simulator.baseUrl());
    }

    @LocalServerPort
    int port;
    @Autowired
    CircuitBreakerRegistry breakers;

    private CircuitBreaker breaker;
    private RestClient http;

    @BeforeEach
    void noFaultsAndClosedBreaker() {
        simulator.resetFaults();
        breaker = breakers.circuitBreaker("facility-api");
        if (breaker.getState() != CircuitBreaker.State.CLOSED) {
            breaker.transitionToClosedState();
        }
        breaker.reset();
        http = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.service("travel-coordination-service")))
                .defaultStatusHandler(status -> true, (request, response) -> {
                })
                .build();
    }

    @Test
    void passesTheSimulatorsDirectorySlotsAndHoldsThroughWithinTheContract() {
        ResponseEntity<JsonNode> search = fetch("/api/facilities?country=FR&category=FUSION");
        ResponseEntity<JsonNode> availability = fetch("/api/facilities/fr-lyon-chu-01/availability");
        String slotId = firstAvailableSlot(availability.getBody());

        ResponseEntity<JsonNode> held = send("/api/holds", Map.of("slotId", slotId, "reference", "it-pass-through"));
        String holdId = held.getBody().get("holdId").asString();
        ResponseEntity<JsonNode> confirmed = send("/api/holds/" + holdId + "/confirmation", null);
        ResponseEntity<JsonNode> released = http.delete().uri("/api/holds/" + holdId).retrieve().toEntity(JsonNode.class);

        assertThat(search.getStatusCode().value()).isEqualTo(200);
        assertThat(search.getBody().get("stale").asBoolean()).isFalse();
        assertThat(search.getBody().get("facilities").valueStream().map(f -> f.get("id").asString()))
                .contains("fr-lyon-chu-01", "fr-paris-clinique-01").doesNotContain("clinic-qc-laval-01");
        assertThat(availability.getBody().get("slots").size()).isGreaterThan(10);
        assertThat(held.getStatusCode().value()).isEqualTo(201);
        assertThat(held.getBody().get("status").asString()).isEqualTo("HELD");
        assertThat(confirmed.getBody().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(released.getStatusCode().value()).isEqualTo(204);
        assertThat(simulatorHolds("HELD")).noneMatch(hold -> hold.get("holdId").asString().equals(holdId));
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void duringAnOutageServesTheStaleCopyAnswers503HoldsNothingOpensAndRecoversAfterReset() {
        ResponseEntity<JsonNode> fresh = fetch("/api/facilities/fr-paris-clinique-01/availability");
        Instant fetched = Instant.parse(fresh.getBody().get("asOf").asString());
        String slotId = firstAvailableSlot(fresh.getBody());
        simulator.faults("{\"outage\":true}");

        ResponseEntity<JsonNode> warm = fetch("/api/facilities/fr-paris-clinique-01/availability");
        ResponseEntity<JsonNode> cold = fetch("/api/facilities/fr-bordeaux-chu-01/availability");
        ResponseEntity<JsonNode> hold = send("/api/holds", Map.of("slotId", slotId, "reference", "it-outage"));
        while (breaker.getState() == CircuitBreaker.State.CLOSED) {
            assertThat(fetch("/api/facilities/fr-paris-clinique-01/availability").getBody().get("stale").asBoolean()).isTrue();
        }

        assertThat(warm.getStatusCode().value()).isEqualTo(200);
        assertThat(warm.getBody().get("stale").asBoolean()).isTrue();
        assertThat(Instant.parse(warm.getBody().get("asOf").asString())).isEqualTo(fetched);
        assertThat(warm.getBody().get("slots")).isEqualTo(fresh.getBody().get("slots"));
        assertThat(cold.getStatusCode().value()).isEqualTo(503);
        assertThat(cold.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(hold.getStatusCode().value()).isEqualTo(503);
        assertThat(hold.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).as("the fresh read and the failures since")
                .isEqualTo(breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls());
        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
        ResponseEntity<JsonNode> holdWhileOpen = send("/api/holds", Map.of("slotId", slotId, "reference", "it-outage"));
        assertThat(holdWhileOpen.getStatusCode().value()).isEqualTo(503);
        assertThat(holdWhileOpen.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");

        simulator.resetFaults();

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            ResponseEntity<JsonNode> answer = fetch("/api/facilities/fr-paris-clinique-01/availability");
            assertThat(answer.getBody().get("stale").asBoolean()).isFalse();
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        });
        assertThat(simulatorHolds(null)).noneMatch(held -> held.get("reference").asString().equals("it-outage"));
        assertThat(slotStatus("fr-paris-clinique-01", slotId)).isEqualTo("AVAILABLE");
    }

    @Test
    void treatsTheSimulatorsMalformedBodiesAsFailuresNeverAsData() {
        ResponseEntity<JsonNode> fresh = fetch("/api/facilities?country=CA&kind=REHAB_CLINIC");
        Instant fetched = Instant.parse(fresh.getBody().get("asOf").asString());
        simulator.faults("{\"malformedBodies\":true}");

        ResponseEntity<JsonNode> cold = fetch("/api/facilities/rehab-qc-laval-01/availability");
        int failedAfterOneRead = breaker.getMetrics().getNumberOfFailedCalls();
        ResponseEntity<JsonNode> warm = fetch("/api/facilities?country=CA&kind=REHAB_CLINIC");

        assertThat(warm.getStatusCode().value()).isEqualTo(200);
        assertThat(warm.getBody().get("stale").asBoolean()).isTrue();
        assertThat(Instant.parse(warm.getBody().get("asOf").asString())).isEqualTo(fetched);
        assertThat(warm.getBody().get("facilities")).isEqualTo(fresh.getBody().get("facilities"));
        assertThat(failedAfterOneRead).as("each retried attempt was a recorded failure").isEqualTo(3);
        assertThat(cold.getStatusCode().value()).isEqualTo(503);
        assertThat(cold.getBody().get("detail").asString()).contains("outside its contract");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        simulator.resetFaults();

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            ResponseEntity<JsonNode> answer = fetch("/api/facilities/rehab-qc-laval-01/availability");
            assertThat(answer.getStatusCode().value()).isEqualTo(200);
            assertThat(answer.getBody().get("stale").asBoolean()).isFalse();
        });
    }

    @Test
    void cutsTheSimulatorsInjectedLatencyAtTheTimeLimit() {
        ResponseEntity<JsonNode> fresh = fetch("/api/facilities?country=CA&region=QC-06");
        simulator.faults("{\"latencyMs\":3000}");

        long started = System.nanoTime();
        ResponseEntity<JsonNode> slow = fetch("/api/facilities?country=CA&region=QC-06");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(fresh.getBody().get("stale").asBoolean()).isFalse();
        assertThat(slow.getStatusCode().value()).isEqualTo(200);
        assertThat(slow.getBody().get("stale").asBoolean()).isTrue();
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(950)).isLessThan(Duration.ofMillis(2_200));
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        assertThat(breaker.getMetrics().getNumberOfSlowFailedCalls()).isEqualTo(1);
    }

    private java.util.List<JsonNode> simulatorHolds(String status) {
        String body = simulator.get("/v1/holds" + (status == null ? "" : "?status=" + status)).body();
        return JSON.readTree(body).valueStream().toList();
    }

    private String slotStatus(String facilityId, String slotId) {
        return JSON.readTree(simulator.get("/v1/facilities/" + facilityId + "/slots").body()).valueStream()
                .filter(slot -> slot.get("slotId").asString().equals(slotId))
                .map(slot -> slot.get("status").asString())
                .findFirst().orElseThrow();
    }

    private static String firstAvailableSlot(JsonNode availability) {
        return availability.get("slots").valueStream()
                .filter(slot -> slot.get("status").asString().equals("AVAILABLE"))
                .map(slot -> slot.get("slotId").asString())
                .findFirst().orElseThrow();
    }

    private ResponseEntity<JsonNode> fetch(String path) {
        return http.get().uri(path).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> send(String path, Object body) {
        RestClient.RequestBodySpec request = http.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }
}
