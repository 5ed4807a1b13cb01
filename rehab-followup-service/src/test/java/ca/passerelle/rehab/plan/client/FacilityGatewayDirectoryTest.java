package ca.passerelle.rehab.plan.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import ca.passerelle.rehab.plan.RehabClinicDirectory;
import ca.passerelle.rehab.plan.RehabClinicDirectory.RehabClinic;

/**
 * The directory client against facility-gateway (WireMock): the gateway's stale last-known copy is used, whatever is not
 * a Québec rehabilitation clinic of the region is dropped, and every way of getting no answer — gateway down entirely
 * (connection refused), connection reset, too slow, 503 with a cold cache — is {@link RehabClinicDirectory.Unavailable}
 * within the configured timeouts, never an unexpected exception (the plan is then made without a clinic).
 */
class FacilityGatewayDirectoryTest {

    private static final WireMockServer gateway = new WireMockServer(options().dynamicPort());
    private static final Duration READ_TIMEOUT = Duration.ofMillis(400);
    private static final ClientHttpRequestInterceptor SERVICE_TOKEN = (request, body, execution) -> {
        request.getHeaders().setBearerAuth("service-token");
        return execution.execute(request, body);
    };

    @BeforeAll
    static void start() {
        gateway.start();
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    @Test
    void takesTheGatewaysStaleCopyAndKeepsOnlyRehabClinicsOfTheRegion() {
        stub("QC-13", okJson("""
                {"facilities":[
                  {"id":"rehab-qc-laval-01","kind":"REHAB_CLINIC","country":"CA","region":"QC-13","languages":["fr"]},
                  {"id":"cc-qc-laval-01","kind":"CONSERVATIVE_CARE","country":"CA","region":"QC-13","languages":["fr"]},
                  {"id":"rehab-qc-montreal-01","kind":"REHAB_CLINIC","country":"CA","region":"QC-06","languages":["fr"]},
                  {"id":"fr-lyon-chu-01","kind":"REHAB_CLINIC","country":"FR","region":"QC-13","languages":["fr"]},
                  {"id":"","kind":"REHAB_CLINIC","country":"CA","region":"QC-13"},
                  {"id":"rehab-qc-laval-02","kind":"REHAB_CLINIC","country":"CA","region":"QC-13"}],
                 "stale":true,"asOf":"2026-11-28T15:00:00Z","ageSeconds":86400}"""));

        List<RehabClinic> clinics = directory(gateway.baseUrl()).rehabClinicsIn("QC-13");

        assertThat(clinics).containsExactly(new RehabClinic("rehab-qc-laval-01", "QC-13", List.of("fr")),
                new RehabClinic("rehab-qc-laval-02", "QC-13", List.of()));
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/facilities")).withQueryParam("country", equalTo("CA"))
                .withQueryParam("region", equalTo("QC-13")).withQueryParam("kind", equalTo("REHAB_CLINIC"))
                .withHeader("Authorization", equalTo("Bearer service-token")));
    }

    @Test
    void isUnavailableWhenTheGatewayIsDownEntirely() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RehabClinicDirectory down = directory("http://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> down.rehabClinicsIn("QC-13")).isInstanceOf(RehabClinicDirectory.Unavailable.class)
                .hasMessageStartingWith("facility-gateway: ");
    }

    @Test
    void isUnavailableWhenTheConnectionIsResetOrTheGatewayAnswersTooSlowly() {
        stub("QC-05", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        stub("QC-07", okJson("{\"facilities\":[],\"stale\":false}").withFixedDelay(3_000));

        assertThatThrownBy(() -> directory(gateway.baseUrl()).rehabClinicsIn("QC-05")).isInstanceOf(RehabClinicDirectory.Unavailable.class);
        long started = System.nanoTime();
        assertThatThrownBy(() -> directory(gateway.baseUrl()).rehabClinicsIn("QC-07")).isInstanceOf(RehabClinicDirectory.Unavailable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the read timeout").isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void isUnavailableWhenTheGatewayHasNoCopyOrNoListToGive() {
        stub("QC-03", aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":503,\"title\":\"Facility API unavailable\"}"));
        stub("QC-04", okJson("{\"stale\":false}"));
        stub("QC-08", aResponse().withStatus(429));

        for (String region : List.of("QC-03", "QC-04", "QC-08")) {
            assertThatThrownBy(() -> directory(gateway.baseUrl()).rehabClinicsIn(region)).as(region)
                    .isInstanceOf(RehabClinicDirectory.Unavailable.class);
        }
    }

    private static RehabClinicDirectory directory(String baseUrl) {
        return new FacilityGatewayDirectory(RestClient.builder(),
                new FacilityGatewayProperties(URI.create(baseUrl), Duration.ofMillis(500), READ_TIMEOUT), SERVICE_TOKEN);
    }

    private static void stub(String region, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        gateway.stubFor(get(urlPathEqualTo("/api/facilities")).withQueryParam("region", equalTo(region)).willReturn(answer));
    }
}
