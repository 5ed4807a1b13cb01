package ca.passerelle.gateway.facility;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

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

import ca.passerelle.events.EventCodec;
import ca.passerelle.events.Topics;
import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.StateTransition;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance points of the facility-api circuit breaker against WireMock. The breaker's window, minimum calls,
 * thresholds and half-open probes are the production values of application.yml; only waits are shortened (open 3 s),
 * the slow-call threshold raised to 900 ms (still under the 1 s time limit) so the 800 ms calls of the bulkhead burst
 * are slow for the bulkhead but not for the breaker, and the gateway's own rate limit raised so the bulkhead, not the
 * rate limiter, is what sheds that burst.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.messaging.relay-interval=200ms",
        "resilience4j.timelimiter.instances.facility-api.timeout-duration=1s",
        "resilience4j.retry.instances.facility-api.wait-duration=20ms",
        "resilience4j.retry.instances.facility-api.exponential-max-wait-duration=100ms",
        "resilience4j.circuitbreaker.instances.facility-api.wait-duration-in-open-state=3s",
        "resilience4j.circuitbreaker.instances.facility-api.slow-call-duration-threshold=900ms",
        "resilience4j.ratelimiter.instances.facility-api.limit-for-period=500"})
@RealInfrastructure
class CircuitBreakerAcceptanceIT {

    private static final WireMockServer upstream = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
            .containerThreads(80).jettyAcceptors(2));
    private static final List<StateTransition> transitions = new CopyOnWriteArrayList<>();
    private static final AtomicInteger bulkheadRejections = new AtomicInteger();
    private static boolean listening;

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
    @Autowired
    BulkheadRegistry bulkheads;
    @Autowired
    MeterRegistry meters;
    @Autowired
    FacilityApi facilityApi;
    @Autowired
    ThreadPoolExecutor facilityApiCalls;

    private CircuitBreaker breaker;
    private RestClient http;

    @BeforeEach
    void freshUpstreamAndClosedBreaker() {
        upstream.resetAll();
        breaker = breakers.circuitBreaker("facility-api");
        if (!listening) {
            breaker.getEventPublisher().onStateTransition(event -> transitions.add(event.getStateTransition()));
            bulkheads.bulkhead("facility-api").getEventPublisher().onCallRejected(event -> bulkheadRejections.incrementAndGet());
            listening = true;
        }
        if (breaker.getState() != CircuitBreaker.State.CLOSED) {
            breaker.transitionToClosedState();
        }
        breaker.reset();
        transitions.clear();
        bulkheadRejections.set(0);
        http = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.service("travel-coordination-service")))
                .defaultStatusHandler(status -> true, (request, response) -> {
                })
                .build();
    }

    @Test
    void opensAfterExactlyTheConfiguredMinimumOfFailedCallsThenFailsFastWithoutReachingUpstream() {
        int minimumCalls = breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls();
        upstream.stubFor(get(anyUrl()).willReturn(serverError()));

        int reads = 0;
        while (breaker.getState() == CircuitBreaker.State.CLOSED && reads < 10) {
            assertThat(upstream.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount()).isLessThan(minimumCalls);
            assertThat(fetch("/api/facilities?region=QC-ALL5XX").getStatusCode().value()).isEqualTo(503);
            reads++;
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(upstream.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount()).isEqualTo(minimumCalls);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(minimumCalls);
        assertThat(transitions).containsExactly(StateTransition.CLOSED_TO_OPEN);
        long notPermittedBefore = breaker.getMetrics().getNumberOfNotPermittedCalls();

        long[] inProcess = new long[200];
        for (int i = 0; i < inProcess.length; i++) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> facilityApi.searchFacilities(new FacilityQuery("FR", null, "QC-ALL5XX", null)))
                    .isInstanceOf(FacilityApiUnavailableException.class).hasMessageContaining("circuit breaker is open");
            inProcess[i] = System.nanoTime() - started;
        }
        long[] overHttp = new long[20];
        for (int i = 0; i < overHttp.length; i++) {
            long started = System.nanoTime();
            ResponseEntity<JsonNode> refused = fetch("/api/facilities?region=QC-ALL5XX");
            overHttp[i] = System.nanoTime() - started;
            assertThat(refused.getStatusCode().value()).isEqualTo(503);
            assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
        }

        assertThat(breaker.getState()).as("still open: every call above met the open breaker").isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(upstream.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount()).isEqualTo(minimumCalls);
        assertThat(Duration.ofNanos(percentile(inProcess, 50))).isLessThan(Duration.ofMillis(5));
        assertThat(Duration.ofNanos(percentile(inProcess, 90))).isLessThan(Duration.ofMillis(5));
        // Over HTTP the fast fail includes Tomcat and the client; bounded well below the 1 s time limit, loosely enough for a loaded 2-core machine.
        assertThat(Duration.ofNanos(percentile(overHttp, 50))).isLessThan(Duration.ofMillis(500));
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls() - notPermittedBefore).isEqualTo(inProcess.length + overHttp.length);
    }

    @Test
    void cutsAThreeSecondUpstreamAtTheOneSecondTimeLimitAndAnswersWellUnderThreeSeconds() throws Exception {
        upstream.stubFor(get(urlPathEqualTo("/v1/facilities/fr-slow-01/slots")).willReturn(okJson(slotsJson("fr-slow-01"))));
        Instant fetched = Instant.parse(fetch("/api/facilities/fr-slow-01/availability").getBody().get("asOf").asString());
        upstream.stubFor(get(anyUrl()).willReturn(okJson(slotsJson("fr-slow-01")).withFixedDelay(3_000)));
        upstream.stubFor(post(anyUrl()).willReturn(okJson("{}").withFixedDelay(3_000)));
        double timeoutsBefore = timeLimiterCalls("timeout");

        long started = System.nanoTime();
        ResponseEntity<JsonNode> warm = fetch("/api/facilities/fr-slow-01/availability");
        Duration warmTook = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        ResponseEntity<JsonNode> cold = fetch("/api/facilities/fr-slow-02/availability");
        Duration coldTook = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        ResponseEntity<JsonNode> hold = send("/api/holds", Map.of("slotId", "s-slow", "reference", "c-slow"));
        Duration holdTook = Duration.ofNanos(System.nanoTime() - started);

        assertThat(warm.getStatusCode().value()).isEqualTo(200);
        assertThat(warm.getBody().get("stale").asBoolean()).isTrue();
        assertThat(Instant.parse(warm.getBody().get("asOf").asString())).isEqualTo(fetched);
        assertThat(cold.getStatusCode().value()).isEqualTo(503);
        assertThat(hold.getStatusCode().value()).isEqualTo(503);
        assertThat(hold.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        for (Duration took : List.of(warmTook, coldTook, holdTook)) {
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(950)).isLessThan(Duration.ofMillis(2_200));
        }
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(3);
        assertThat(breaker.getMetrics().getNumberOfSlowFailedCalls()).isEqualTo(3);
        assertThat(timeLimiterCalls("timeout") - timeoutsBefore).isEqualTo(3.0);
        upstream.verify(2, getRequestedFor(urlPathEqualTo("/v1/facilities/fr-slow-01/slots")));
        upstream.verify(1, getRequestedFor(urlPathEqualTo("/v1/facilities/fr-slow-02/slots")));
        upstream.verify(1, postRequestedFor(urlEqualTo("/v1/holds")));
        await().atMost(Duration.ofMillis(1_000)).untilAsserted(() -> assertThat(facilityApiCalls.getActiveCount())
                .as("the cut calls were interrupted, not left waiting for the 3 s answer").isZero());
    }

    @Test
    void recoversThroughExactlyTheConfiguredHalfOpenProbesAndTheStateMetricFollows() {
        int probes = breaker.getCircuitBreakerConfig().getPermittedNumberOfCallsInHalfOpenState();
        Instant testStarted = Instant.now();
        assertThat(stateGauge()).isEqualTo("closed");
        upstream.stubFor(get(anyUrl()).willReturn(serverError()));
        while (breaker.getState() == CircuitBreaker.State.CLOSED) {
            fetch("/api/facilities?region=QC-RECOVERY");
        }
        assertThat(stateGauge()).isEqualTo("open");
        assertThat(fetch("/actuator/metrics/resilience4j.circuitbreaker.state?tag=name:facility-api&tag=state:open").getStatusCode().value())
                .as("the metrics endpoint is in no rule of the authorisation table: denied even to a service").isEqualTo(403);
        assertThat(fetch("/actuator/health").getBody().at("/components/circuitBreakers/details/facility-api/details/state").asString())
                .isEqualTo("OPEN");
        upstream.resetAll();
        upstream.stubFor(get(urlPathEqualTo("/v1/facilities")).willReturn(okJson(facilitiesJson("fr-back-01"))));

        await().atMost(Duration.ofSeconds(10)).until(() -> breaker.getState() == CircuitBreaker.State.HALF_OPEN);
        assertThat(stateGauge()).isEqualTo("half_open");
        assertThat(upstream.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount()).isZero();
        for (int probe = 1; probe <= probes; probe++) {
            assertThat(breaker.getState()).as("before probe %d", probe).isEqualTo(CircuitBreaker.State.HALF_OPEN);
            ResponseEntity<JsonNode> answer = fetch("/api/facilities?region=QC-RECOVERY");
            assertThat(answer.getStatusCode().value()).isEqualTo(200);
            assertThat(answer.getBody().get("stale").asBoolean()).isFalse();
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        upstream.verify(probes, getRequestedFor(urlPathEqualTo("/v1/facilities")));
        assertThat(stateGauge()).isEqualTo("closed");
        assertThat(transitions).containsExactly(StateTransition.CLOSED_TO_OPEN, StateTransition.OPEN_TO_HALF_OPEN,
                StateTransition.HALF_OPEN_TO_CLOSED);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(publishedStatesSince(testStarted))
                .containsSubsequence("OPEN", "HALF_OPEN", "CLOSED"));
        assertThat(fetch("/api/status").getBody().get("state").asString()).isEqualTo("CLOSED");
    }

    @Test
    void keepsTheBreakerClosedAndDoesNotRetryWhenUpstreamRefusesWith4xx() {
        int calls = breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls() * 2;
        upstream.stubFor(get(urlPathEqualTo("/v1/facilities")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"title\":\"unknown category\",\"status\":400}")));
        upstream.stubFor(post(urlEqualTo("/v1/holds")).willReturn(aResponse().withStatus(422)));

        for (int i = 0; i < calls; i++) {
            ResponseEntity<JsonNode> refused = fetch("/api/facilities?category=TELEPORTATION");
            assertThat(refused.getStatusCode().value()).isEqualTo(502);
            assertThat(refused.getBody().get("upstreamStatus").asInt()).isEqualTo(400);
        }
        ResponseEntity<JsonNode> hold = send("/api/holds", Map.of("slotId", "s-4xx", "reference", "c-4xx"));

        assertThat(hold.getStatusCode().value()).isEqualTo(502);
        upstream.verify(calls, getRequestedFor(urlPathEqualTo("/v1/facilities")));
        upstream.verify(1, postRequestedFor(urlEqualTo("/v1/holds")));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(transitions).isEmpty();
    }

    @Test
    void duringAnOutageServesAWarmCopyWithItsAsOfAnswers503ForAColdOneAndNeverHoldsUpstream() {
        upstream.stubFor(get(urlPathEqualTo("/v1/facilities")).willReturn(okJson(facilitiesJson("fr-warm-01"))));
        Instant fetched = Instant.parse(fetch("/api/facilities?region=QC-WARM").getBody().get("asOf").asString());
        upstream.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));
        upstream.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));

        ResponseEntity<JsonNode> warm = fetch("/api/facilities?region=QC-WARM");
        ResponseEntity<JsonNode> cold = fetch("/api/facilities?region=QC-COLD");
        ResponseEntity<JsonNode> holdWhileFailing = send("/api/holds", Map.of("slotId", "s-out", "reference", "c-out"));

        assertThat(warm.getStatusCode().value()).isEqualTo(200);
        assertThat(warm.getBody().get("stale").asBoolean()).isTrue();
        assertThat(Instant.parse(warm.getBody().get("asOf").asString())).isEqualTo(fetched);
        assertThat(warm.getBody().get("ageSeconds").asLong()).isBetween(0L, 30L);
        assertThat(warm.getBody().at("/facilities/0/id").asString()).isEqualTo("fr-warm-01");
        assertProblem503(cold, "30");
        assertProblem503(holdWhileFailing, "30");
        upstream.verify(1, postRequestedFor(urlEqualTo("/v1/holds")));

        while (breaker.getState() == CircuitBreaker.State.CLOSED) {
            fetch("/api/facilities?region=QC-COLD");
        }
        upstream.resetRequests();
        ResponseEntity<JsonNode> holdWhileOpen = send("/api/holds", Map.of("slotId", "s-out", "reference", "c-out"));
        ResponseEntity<JsonNode> warmWhileOpen = fetch("/api/facilities?region=QC-WARM");

        assertProblem503(holdWhileOpen, "3");
        assertThat(warmWhileOpen.getBody().get("stale").asBoolean()).isTrue();
        assertThat(Instant.parse(warmWhileOpen.getBody().get("asOf").asString())).isEqualTo(fetched);
        upstream.verify(0, postRequestedFor(anyUrl()));
        upstream.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void shedsTheExcessOfFiftyConcurrentSlowCallsWithTheBulkheadWhileHealthStaysFast() throws Exception {
        Bulkhead bulkhead = bulkheads.bulkhead("facility-api");
        int maxConcurrent = bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String bearer = TestTokens.bearer(TestTokens.service("travel-coordination-service"));
        for (int i = 0; i < 3; i++) {
            fetch("/actuator/health");
        }
        upstream.stubFor(get(urlPathMatching("/v1/facilities/.*/slots")).willReturn(okJson("[]").withFixedDelay(800)));
        int callers = 50;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/facilities/fr-busy-" + i + "/availability"))
                        .header(HttpHeaders.AUTHORIZATION, bearer).timeout(Duration.ofSeconds(10)).build();
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                    .until(() -> bulkhead.getMetrics().getAvailableConcurrentCalls() == 0
                            && bulkheadRejections.get() >= callers - 2 * maxConcurrent);
            long[] health = new long[3];
            for (int i = 0; i < health.length; i++) {
                long started = System.nanoTime();
                ResponseEntity<JsonNode> answer = fetch("/actuator/health");
                health[i] = System.nanoTime() - started;
                assertThat(answer.getStatusCode().value()).isEqualTo(200);
            }
            boolean stillBusy = bulkhead.getMetrics().getAvailableConcurrentCalls() == 0;

            int ok = 0;
            int shed = 0;
            List<String> others = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 200) {
                    ok++;
                } else if (response.statusCode() == 503 && response.body().contains("too many calls")
                        && response.headers().firstValue("Retry-After").isPresent()) {
                    shed++;
                } else {
                    others.add(response.statusCode() + " " + response.body());
                }
            }

            assertThat(stillBusy).as("health was measured while the bulkhead was full").isTrue();
            assertThat(Arrays.stream(health).max().orElseThrow()).isLessThan(Duration.ofMillis(200).toNanos());
            assertThat(others).as("every caller got a 200 or a shed 503 problem").isEmpty();
            assertThat(ok + shed).isEqualTo(callers);
            assertThat(shed).isEqualTo(bulkheadRejections.get());
            assertThat(ok).isGreaterThanOrEqualTo(maxConcurrent);
            assertThat(shed).as("the excess over %d concurrent calls was shed", maxConcurrent).isGreaterThanOrEqualTo(callers - 2 * maxConcurrent);
            assertThat(upstream.countRequestsMatching(getRequestedFor(urlPathMatching("/v1/facilities/.*/slots")).build()).getCount())
                    .as("only admitted calls reached upstream").isEqualTo(ok);
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).as("shed calls are not upstream failures").isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertProblem503(ResponseEntity<JsonNode> answer, String retryAfter) {
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("type").asString()).isEqualTo("https://passerelle.ca/problems/facility-api-unavailable");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(retryAfter);
    }

    /** The state tag of the {@code resilience4j.circuitbreaker.state} gauge that reads 1. */
    private String stateGauge() {
        return meters.find("resilience4j.circuitbreaker.state").tag("name", "facility-api").gauges().stream()
                .filter(gauge -> gauge.value() == 1.0)
                .map(gauge -> gauge.getId().getTag("state"))
                .reduce((one, two) -> one + "," + two)
                .orElse("none");
    }

    private double timeLimiterCalls(String kind) {
        return meters.find("resilience4j.timelimiter.calls").tag("name", "facility-api").tag("kind", kind).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private List<String> publishedStatesSince(Instant since) {
        return TopicProbe.readAll(kafka, Topics.FACILITY_STATUS, record -> "facility-api".equals(record.key())).stream()
                .map(record -> EventCodec.read(record.value()).data())
                .filter(data -> !Instant.parse(data.get("since").asString()).isBefore(since))
                .map(data -> data.get("state").asString())
                .toList();
    }

    private static long percentile(long[] samples, int percent) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private ResponseEntity<JsonNode> fetch(String path) {
        return http.get().uri(path).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> send(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private static String facilitiesJson(String id) {
        return """
                [{"id":"%s","name":"Clinique du Rachis","kind":"SURGICAL_HOSPITAL","country":"FR","region":"FR-ARA","city":"Lyon",
                  "categories":["FUSION"],"languages":["fr"]}]
                """.formatted(id);
    }

    private static String slotsJson(String facilityId) {
        return """
                [{"slotId":"%1$s-20261207-1","facilityId":"%1$s","date":"2026-12-07","status":"AVAILABLE"}]
                """.formatted(facilityId);
    }
}
