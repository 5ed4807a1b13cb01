package ca.passerelle.gateway.facility;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * Not a test: measures what the gateway adds over a direct call to the same upstream (WireMock, no delay), calls
 * interleaved in one run, then how fast it fails while the breaker is open. Run only with
 * {@code ./mvnw -B -o -pl facility-gateway -Pbenchmarks verify} ({@code -Dbenchmark.calls=N}, default 1000); prints
 * p50/p90/p99 and writes {@code target/benchmarks/gateway-latency.txt}. Its assertions only check that every call did
 * what it should, never how fast. The gateway's own rate limit is lifted so it measures the decorations, not throttling.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "resilience4j.ratelimiter.instances.facility-api.limit-for-period=1000000",
        "resilience4j.circuitbreaker.instances.facility-api.wait-duration-in-open-state=10m",
        "logging.level.ca.passerelle.gateway.facility.FacilityGatewayService=WARN"})
@RealInfrastructure
class GatewayLatencyBenchmark {

    private static final Logger log = LoggerFactory.getLogger(GatewayLatencyBenchmark.class);
    private static final int CALLS = Integer.getInteger("benchmark.calls", 1000);
    private static final int WARM_UP = Math.max(200, CALLS / 5);
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
    @Autowired
    CircuitBreakerRegistry breakers;
    @Autowired
    FacilityApi facilityApi;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The gateway's callers are services; the direct calls carry the same header so both requests are the same size. */
    private final String bearer = TestTokens.bearer(TestTokens.service("travel-coordination-service"));

    @Test
    void measuresAddedLatencyAndOpenBreakerFastFail() throws Exception {
        upstream.stubFor(get(urlPathEqualTo("/v1/facilities")).willReturn(okJson(facilities(6))));
        URI direct = URI.create("http://127.0.0.1:" + upstream.port() + "/v1/facilities?country=FR&category=FUSION");
        URI throughGateway = URI.create("http://127.0.0.1:" + port + "/api/facilities?country=FR&category=FUSION");
        URI coldThroughGateway = URI.create("http://127.0.0.1:" + port + "/api/facilities?country=FR&category=MOTION_PRESERVATION");

        for (int i = 0; i < WARM_UP; i++) {
            timed(direct, 200);
            timed(throughGateway, 200);
        }
        long[] directNanos = new long[CALLS];
        long[] gatewayNanos = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            directNanos[i] = timed(direct, 200);
            gatewayNanos[i] = timed(throughGateway, 200);
        }

        CircuitBreaker breaker = breakers.circuitBreaker("facility-api");
        upstream.stubFor(get(anyUrl()).willReturn(serverError()));
        breaker.transitionToOpenState();
        upstream.resetRequests();
        long[] openInProcess = new long[CALLS];
        long[] openStale = new long[CALLS];
        long[] openCold = new long[CALLS];
        FacilityQuery query = new FacilityQuery("FR", "FUSION", null, null);
        for (int i = 0; i < WARM_UP; i++) {
            assertThatThrownBy(() -> facilityApi.searchFacilities(query)).isInstanceOf(FacilityApiUnavailableException.class);
        }
        for (int i = 0; i < CALLS; i++) {
            long started = System.nanoTime();
            try {
                facilityApi.searchFacilities(query);
                throw new AssertionError("the open breaker let a call through");
            } catch (FacilityApiUnavailableException expected) {
                openInProcess[i] = System.nanoTime() - started;
            }
            openStale[i] = timed(throughGateway, 200);
            openCold[i] = timed(coldThroughGateway, 503);
        }
        assertThat(upstream.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount()).isZero();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        String report = String.join("\n",
                "facility-gateway latency benchmark: %d calls each after %d warm-up calls, interleaved, one client thread, loopback;"
                        .formatted(CALLS, WARM_UP),
                "upstream = WireMock (no delay, 6 facilities); cache = the test MongoDB wire-protocol server (each fresh read upserts).",
                row("direct upstream call", directNanos),
                row("through the gateway (fresh)", gatewayNanos),
                "added by the gateway:         p50 %s   p90 %s   p99 %s".formatted(ms(percentile(gatewayNanos, 50) - percentile(directNanos, 50)),
                        ms(percentile(gatewayNanos, 90) - percentile(directNanos, 90)),
                        ms(percentile(gatewayNanos, 99) - percentile(directNanos, 99))),
                "breaker OPEN (upstream never reached):",
                row("  client call, in process", openInProcess),
                row("  HTTP, stale copy (200)", openStale),
                row("  HTTP, no copy (503)", openCold));
        log.info("\n{}", report);
        Path file = Path.of("target", "benchmarks", "gateway-latency.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report + "\n");
    }

    private long timed(URI uri, int expectedStatus) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - started;
        assertThat(response.statusCode()).isEqualTo(expectedStatus);
        return took;
    }

    private static String row(String label, long[] nanos) {
        return "%-30s p50 %s   p90 %s   p99 %s   max %s".formatted(label + ":", ms(percentile(nanos, 50)), ms(percentile(nanos, 90)),
                ms(percentile(nanos, 99)), ms(Arrays.stream(nanos).max().orElse(0)));
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%7.3f ms", nanos / 1_000_000.0);
    }

    private static long percentile(long[] samples, int percent) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static String facilities(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> """
                {"id":"fr-bench-%02d","name":"Clinique %d","kind":"SURGICAL_HOSPITAL","country":"FR","region":"FR-ARA","city":"Lyon",
                 "categories":["FUSION","SIMPLE_DECOMPRESSION"],"languages":["fr","en"]}""".formatted(i, i))
                .collect(Collectors.joining(",", "[", "]"));
    }
}
