package ca.passerelle.gateway.facility;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.Topics;
import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.messaging.relay-interval=200ms",
        "resilience4j.timelimiter.instances.facility-api.timeout-duration=500ms",
        "resilience4j.retry.instances.facility-api.wait-duration=20ms",
        "resilience4j.retry.instances.facility-api.exponential-max-wait-duration=100ms",
        "resilience4j.circuitbreaker.instances.facility-api.wait-duration-in-open-state=60s",
        // These tests count upstream calls and breaker failures exactly: the gateway's own rate limiter (20/s) must not
        // refuse calls made in quick succession by consecutive tests, or the breaker would see fewer failures.
        "resilience4j.ratelimiter.instances.facility-api.limit-for-period=500"})
@RealInfrastructure
class FacilityGatewayIT {

    private static final WireMockServer upstream = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        upstream.start();
    }

    @DynamicPropertySource
    static void upstreamAddress(DynamicPropertyRegistry registry) {
        registry.add("passerelle.gateway.upstream.base-url", () -> "http://127.0.0.1:" + upstream.port());
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop();
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    CircuitBreakerRegistry breakers;

    private CircuitBreaker breaker;
    private RestClient http;

    @BeforeEach
    void freshUpstreamAndClosedBreaker() {
        upstream.resetAll();
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
    void passesSearchAndAvailabilityThroughFreshFromUpstream() {
        upstream.stubFor(get(urlPathEqualTo("/v1/facilities")).withQueryParam("country", equalTo("FR"))
                .withQueryParam("category", equalTo("FUSION"))
                .willReturn(okJson(facilitiesJson("fr-lyon-01"))));
        upstream.stubFor(get(urlEqualTo("/v1/facilities/fr-lyon-01/slots?from=2026-12-01&to=2027-03-01"))
                .willReturn(okJson(slotsJson("fr-lyon-01"))));

        ResponseEntity<JsonNode> search = fetch("/api/facilities?country=FR&category=FUSION");
        ResponseEntity<JsonNode> availability = fetch("/api/facilities/fr-lyon-01/availability?from=2026-12-01&to=2027-03-01");

        assertThat(search.getStatusCode().value()).isEqualTo(200);
        assertThat(search.getBody().at("/facilities/0/id").asString()).isEqualTo("fr-lyon-01");
        assertThat(search.getBody().at("/facilities/0/categories/0").asString()).isEqualTo("FUSION");
        assertFresh(search.getBody());
        assertThat(availability.getStatusCode().value()).isEqualTo(200);
        assertThat(availability.getBody().get("facilityId").asString()).isEqualTo("fr-lyon-01");
        assertThat(availability.getBody().at("/slots/0/slotId").asString()).isEqualTo("fr-lyon-01-2026-12-07");
        assertThat(availability.getBody().at("/slots/0/date").asString()).isEqualTo("2026-12-07");
        assertFresh(availability.getBody());
        upstream.verify(1, getRequestedFor(urlPathEqualTo("/v1/facilities")));
        upstream.verify(1, getRequestedFor(urlPathEqualTo("/v1/facilities/fr-lyon-01/slots")));
    }

    @Test
    void passesHoldConfirmationAndReleaseThroughToUpstream() {
        upstream.stubFor(post(urlEqualTo("/v1/holds")).withRequestBody(matchingJsonPath("$.slotId", equalTo("fr-lyon-01-2026-12-07")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(holdJson("HELD"))));
        upstream.stubFor(post(urlEqualTo("/v1/holds/h-1/confirm")).willReturn(okJson(holdJson("CONFIRMED"))));
        upstream.stubFor(delete(urlEqualTo("/v1/holds/h-1")).willReturn(aResponse().withStatus(204)));

        ResponseEntity<JsonNode> held = send("/api/holds", Map.of("slotId", "fr-lyon-01-2026-12-07", "reference", "c-42"));
        ResponseEntity<JsonNode> confirmed = send("/api/holds/h-1/confirmation", null);
        ResponseEntity<JsonNode> released = http.delete().uri("/api/holds/h-1").retrieve().toEntity(JsonNode.class);

        assertThat(held.getStatusCode().value()).isEqualTo(201);
        assertThat(held.getBody().get("holdId").asString()).isEqualTo("h-1");
        assertThat(held.getBody().get("expiresAt").asString()).isEqualTo("2026-11-28T17:00:00Z");
        assertThat(confirmed.getStatusCode().value()).isEqualTo(200);
        assertThat(confirmed.getBody().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(released.getStatusCode().value()).isEqualTo(204);
        upstream.verify(1, deleteRequestedFor(urlEqualTo("/v1/holds/h-1")));
    }

    @Test
    void retriesFailedReadsButCallsUpstreamOnceForAHoldAndAnswers503() {
        upstream.stubFor(get(urlPathEqualTo("/v1/facilities")).willReturn(serverError()));
        upstream.stubFor(post(urlEqualTo("/v1/holds")).willReturn(serverError()));

        ResponseEntity<JsonNode> search = fetch("/api/facilities?region=QC-RETRY");
        ResponseEntity<JsonNode> hold = send("/api/holds", Map.of("slotId", "s-1", "reference", "c-1"));

        assertThat(search.getStatusCode().value()).isEqualTo(503);
        assertThat(search.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(search.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
        upstream.verify(3, getRequestedFor(urlPathEqualTo("/v1/facilities")));
        assertThat(hold.getStatusCode().value()).isEqualTo(503);
        assertThat(hold.getBody().get("type").asString()).isEqualTo("https://passerelle.ca/problems/facility-api-unavailable");
        assertThat(hold.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        upstream.verify(1, postRequestedFor(urlEqualTo("/v1/holds")));
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(4);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void opensTheBreakerThenAnswersReadsStaleAndRefusesWritesWithoutCallingUpstream() {
        upstream.stubFor(get(urlPathEqualTo("/v1/facilities")).willReturn(okJson(facilitiesJson("fr-paris-02"))));
        ResponseEntity<JsonNode> fresh = fetch("/api/facilities?region=QC-OPEN");
        Instant fetched = Instant.parse(fresh.getBody().get("asOf").asString());
        upstream.stubFor(get(urlPathEqualTo("/v1/facilities")).willReturn(serverError()));

        ResponseEntity<JsonNode> duringFailures = fetch("/api/facilities?region=QC-OPEN");
        fetch("/api/facilities?region=QC-OPEN");

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(duringFailures.getBody().get("stale").asBoolean()).isTrue();
        upstream.resetRequests();
        ResponseEntity<JsonNode> whileOpen = fetch("/api/facilities?region=QC-OPEN");
        ResponseEntity<JsonNode> hold = send("/api/holds", Map.of("slotId", "s-2", "reference", "c-2"));

        assertThat(whileOpen.getStatusCode().value()).isEqualTo(200);
        assertThat(whileOpen.getBody().get("stale").asBoolean()).isTrue();
        assertThat(Instant.parse(whileOpen.getBody().get("asOf").asString())).isEqualTo(fetched);
        assertThat(whileOpen.getBody().get("ageSeconds").asLong()).isBetween(0L, 60L);
        assertThat(whileOpen.getBody().at("/facilities/0/id").asString()).isEqualTo("fr-paris-02");
        assertThat(hold.getStatusCode().value()).isEqualTo(503);
        assertThat(hold.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
        upstream.verify(0, getRequestedFor(urlPathEqualTo("/v1/facilities")));
        upstream.verify(0, postRequestedFor(urlEqualTo("/v1/holds")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(TopicProbe.readAll(kafka, Topics.FACILITY_STATUS,
                record -> "facility-api".equals(record.key()) && "OPEN".equals(EventCodec.read(record.value()).data().get("state").asString())))
                .isNotEmpty());
        EventEnvelope opened = TopicProbe.readAll(kafka, Topics.FACILITY_STATUS, record -> "facility-api".equals(record.key())).stream()
                .map(record -> EventCodec.read(record.value()))
                .filter(envelope -> envelope.data().get("state").asString().equals("OPEN"))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(opened.type()).isEqualTo(EventCatalog.FACILITY_API_STATUS_CHANGED.name());
        assertThat(opened.source()).isEqualTo("/passerelle/facility-gateway");
        assertThat(opened.subject()).isEqualTo("facility-api");
        JsonNode status = fetch("/api/status").getBody();
        assertThat(status.get("dependency").asString()).isEqualTo("facility-api");
        assertThat(status.get("state").asString()).isEqualTo("OPEN");
        assertThat(Instant.parse(status.get("since").asString())).isAfterOrEqualTo(fetched);
        JsonNode health = fetch("/actuator/health").getBody();
        assertThat(health.at("/components/circuitBreakers/details/facility-api/details/state").asString()).isEqualTo("OPEN");
    }

    @Test
    void answersConflictForATakenSlotWithoutRetryingNorCountingItAsAFailure() {
        upstream.stubFor(post(urlEqualTo("/v1/holds")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"title\":\"slot not available\",\"status\":409}")));

        ResponseEntity<JsonNode> hold = send("/api/holds", Map.of("slotId", "s-taken", "reference", "c-3"));

        assertThat(hold.getStatusCode().value()).isEqualTo(409);
        assertThat(hold.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(hold.getBody().get("type").asString()).isEqualTo("https://passerelle.ca/problems/conflict");
        upstream.verify(1, postRequestedFor(urlEqualTo("/v1/holds")));
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
    }

    @Test
    void answersNotFoundForAnUnknownFacilityWithoutRetrying() {
        upstream.stubFor(get(urlPathEqualTo("/v1/facilities/nowhere/slots")).willReturn(aResponse().withStatus(404)));

        ResponseEntity<JsonNode> availability = fetch("/api/facilities/nowhere/availability");

        assertThat(availability.getStatusCode().value()).isEqualTo(404);
        assertThat(availability.getBody().get("type").asString()).isEqualTo("https://passerelle.ca/problems/not-found");
        upstream.verify(1, getRequestedFor(urlPathEqualTo("/v1/facilities/nowhere/slots")));
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void treatsAnAnswerSlowerThanTheTimeLimitAsAFailureWithoutRetryingAndServesTheLastKnownCopy() {
        upstream.stubFor(get(urlPathEqualTo("/v1/facilities/fr-slow-01/slots")).willReturn(okJson(slotsJson("fr-slow-01"))));
        assertFresh(fetch("/api/facilities/fr-slow-01/availability").getBody());
        upstream.stubFor(get(urlPathEqualTo("/v1/facilities/fr-slow-01/slots"))
                .willReturn(okJson(slotsJson("fr-slow-01")).withFixedDelay(1_500)));

        ResponseEntity<JsonNode> slow = fetch("/api/facilities/fr-slow-01/availability");

        assertThat(slow.getStatusCode().value()).isEqualTo(200);
        assertThat(slow.getBody().get("stale").asBoolean()).isTrue();
        assertThat(slow.getBody().at("/slots/0/facilityId").asString()).isEqualTo("fr-slow-01");
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        upstream.verify(2, getRequestedFor(urlPathEqualTo("/v1/facilities/fr-slow-01/slots")));
    }

    @Test
    void countsMalformedAndOutOfContractAnswersAsFailuresAndNeverCachesThem() {
        upstream.stubFor(get(urlPathEqualTo("/v1/facilities/fr-bad-01/slots")).willReturn(okJson(slotsJson("fr-bad-01"))));
        Instant fetched = Instant.parse(fetch("/api/facilities/fr-bad-01/availability").getBody().get("asOf").asString());
        String good = slotsJson("fr-bad-01");
        List<String> badBodies = List.of(
                good.substring(0, 60) + "<garbled>",
                good.replace("BOOKED", "TELEPORTED"),
                good.replace("\"2026-12-14\"", "\"14/12/2026\""),
                good.replace("\"slotId\":\"fr-bad-01-2026-12-07\"", "\"slotId\":7"),
                good.replace("\"slotId\":\"fr-bad-01-2026-12-07\",", ""));

        for (String bad : badBodies) {
            breaker.reset();
            upstream.resetRequests();
            upstream.stubFor(get(urlPathEqualTo("/v1/facilities/fr-bad-01/slots")).willReturn(okJson(bad)));

            ResponseEntity<JsonNode> answer = fetch("/api/facilities/fr-bad-01/availability");

            assertThat(answer.getStatusCode().value()).as(bad).isEqualTo(200);
            assertThat(answer.getBody().get("stale").asBoolean()).as(bad).isTrue();
            assertThat(Instant.parse(answer.getBody().get("asOf").asString())).isEqualTo(fetched);
            assertThat(answer.getBody().at("/slots/1/status").asString()).isEqualTo("BOOKED");
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).as(bad).isEqualTo(3);
            upstream.verify(3, getRequestedFor(urlPathEqualTo("/v1/facilities/fr-bad-01/slots")));
        }
        breaker.reset();
        upstream.stubFor(get(urlPathEqualTo("/v1/facilities")).willReturn(okJson("[{\"name\":\"no id\",\"kind\":\"X\",\"country\":\"FR\"}]")));

        ResponseEntity<JsonNode> coldAndInvalid = fetch("/api/facilities?region=QC-BAD");

        assertThat(coldAndInvalid.getStatusCode().value()).isEqualTo(503);
        assertThat(coldAndInvalid.getBody().get("detail").asString()).contains("outside its contract");
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(3);
    }

    @Test
    void honoursUpstreamRetryAfterWhenRateLimited() {
        upstream.stubFor(get(urlPathEqualTo("/v1/facilities")).inScenario("rate-limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("recovered"));
        upstream.stubFor(get(urlPathEqualTo("/v1/facilities")).inScenario("rate-limited").whenScenarioStateIs("recovered")
                .willReturn(okJson(facilitiesJson("fr-nice-03"))));
        long started = System.nanoTime();

        ResponseEntity<JsonNode> search = fetch("/api/facilities?region=QC-429");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(search.getStatusCode().value()).isEqualTo(200);
        assertFresh(search.getBody());
        upstream.verify(2, getRequestedFor(urlPathEqualTo("/v1/facilities")));
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

    private static void assertFresh(JsonNode answer) {
        assertThat(answer.get("stale").asBoolean()).isFalse();
        assertThat(answer.get("ageSeconds").asLong()).isZero();
        assertThat(Instant.parse(answer.get("asOf").asString())).isBefore(Instant.now().plusSeconds(1));
    }

    private static String facilitiesJson(String id) {
        return """
                [{"id":"%s","name":"Clinique du Rachis","kind":"SURGICAL_HOSPITAL","country":"FR","region":"ARA","city":"Lyon",
                  "categories":["FUSION","SIMPLE_DECOMPRESSION"],"languages":["fr","en"],"accreditation":"HAS-A"}]
                """.formatted(id);
    }

    private static String slotsJson(String facilityId) {
        return """
                [{"slotId":"%1$s-2026-12-07","facilityId":"%1$s","date":"2026-12-07","status":"AVAILABLE"},
                 {"slotId":"%1$s-2026-12-14","facilityId":"%1$s","date":"2026-12-14","status":"BOOKED"}]
                """.formatted(facilityId);
    }

    private static String holdJson(String status) {
        return """
                {"holdId":"h-1","slotId":"fr-lyon-01-2026-12-07","facilityId":"fr-lyon-01","date":"2026-12-07","status":"%s",
                 "reference":"c-42","expiresAt":"2026-11-28T17:00:00Z"}
                """.formatted(status);
    }
}
