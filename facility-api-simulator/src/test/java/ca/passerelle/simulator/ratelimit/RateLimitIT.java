package ca.passerelle.simulator.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ca.passerelle.simulator.SimulatorClient;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "simulator.rate-limit.requests-per-second=0.2",
        "simulator.rate-limit.burst=2" })
class RateLimitIT {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Test
    void answers429WithRetryAfterOnceTheBurstIsSpent() {
        SimulatorClient api = new SimulatorClient(port, json);
        assertThat(api.get("/v1/facilities").statusCode()).isEqualTo(200);
        assertThat(api.get("/v1/facilities").statusCode()).isEqualTo(200);

        HttpResponse<String> limited = api.get("/v1/facilities");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 5L));
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.json(limited).get("type").asString()).endsWith("/rate-limited");
        assertThat(api.get("/admin/faults").statusCode()).as("admin is not rate-limited").isEqualTo(200);
        assertThat(api.get("/actuator/health").statusCode()).as("health is not rate-limited").isEqualTo(200);
    }

}
