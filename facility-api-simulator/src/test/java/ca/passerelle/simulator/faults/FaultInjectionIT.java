package ca.passerelle.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ca.passerelle.simulator.SimulatorClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = RANDOM_PORT)
class FaultInjectionIT {

    private static final String FRENCH_HOSPITALS = "/v1/facilities?country=FR";

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    SimulatorClient api;

    @BeforeEach
    void connect() {
        api = new SimulatorClient(port, json);
    }

    @AfterEach
    void resetFaults() {
        api.post("/admin/faults/reset", "");
    }

    @Test
    void answersEveryCallWith503DuringAnOutageButKeepsAdminAndHealthUp() {
        switchOn("{\"outage\":true}");

        HttpResponse<String> response = api.get(FRENCH_HOSPITALS);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.json(response).get("type").asString()).endsWith("/outage");
        assertThat(api.post("/v1/holds", "{\"slotId\":\"x\",\"reference\":\"y\"}").statusCode()).isEqualTo(503);
        assertThat(api.get("/admin/faults").statusCode()).isEqualTo(200);
        assertThat(api.json(api.get("/actuator/health")).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void answersEveryCallWith500AtErrorRateOne() {
        switchOn("{\"errorRate\":1.0}");

        for (int call = 0; call < 5; call++) {
            HttpResponse<String> response = api.get(FRENCH_HOSPITALS);
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(api.json(response).get("type").asString()).endsWith("/injected-error");
        }
    }

    @Test
    void answersWithABodyThatIsNotJsonWhenBodiesAreMalformed() {
        switchOn("{\"malformedBodies\":true}");

        HttpResponse<String> response = api.get(FRENCH_HOSPITALS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThatThrownBy(() -> api.json(response)).isInstanceOf(JacksonException.class);
    }

    @Test
    void addsTheConfiguredLatencyToEveryCall() {
        switchOn("{\"latencyMs\":400}");

        long started = System.nanoTime();
        HttpResponse<String> response = api.get(FRENCH_HOSPITALS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void dripsTheBodyOutSlowlyButWhole() {
        String whole = api.get(FRENCH_HOSPITALS).body();
        int chunks = (whole.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 63) / 64;
        switchOn("{\"slowDripMs\":40}");

        long started = System.nanoTime();
        HttpResponse<String> response = api.get(FRENCH_HOSPITALS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(chunks).isGreaterThan(5);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(40L * (chunks - 1)));
        assertThat(api.json(response)).isEqualTo(json.readTree(whole));
    }

    @Test
    void resetSwitchesEveryFaultOff() {
        switchOn("{\"latencyMs\":5,\"errorRate\":0.5,\"outage\":true,\"malformedBodies\":true,\"slowDripMs\":5}");

        HttpResponse<String> reset = api.post("/admin/faults/reset", "");

        assertThat(reset.statusCode()).isEqualTo(200);
        JsonNode faults = api.json(api.get("/admin/faults"));
        assertThat(faults.get("latencyMs").asLong()).isZero();
        assertThat(faults.get("errorRate").asDouble()).isZero();
        assertThat(faults.get("outage").asBoolean()).isFalse();
        assertThat(faults.get("malformedBodies").asBoolean()).isFalse();
        assertThat(faults.get("slowDripMs").asLong()).isZero();
        HttpResponse<String> response = api.get(FRENCH_HOSPITALS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.json(response).size()).isEqualTo(6);
    }

    @Test
    void showsTheFaultsInForce() {
        switchOn("{\"latencyMs\":0,\"errorRate\":0.25,\"outage\":false,\"malformedBodies\":false,\"slowDripMs\":0}");

        JsonNode faults = api.json(api.get("/admin/faults"));

        assertThat(faults.get("errorRate").asDouble()).isEqualTo(0.25);
    }

    @Test
    void refusesImpossibleSwitchesWithAProblemAndKeepsTheCurrentOnes() {
        HttpResponse<String> response = api.put("/admin/faults", "{\"errorRate\":1.5,\"latencyMs\":-1}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.json(response).get("errors").findValuesAsString("field"))
                .containsExactly("errorRate", "latencyMs");
        assertThat(api.json(api.get("/admin/faults")).get("errorRate").asDouble()).isZero();
    }

    @Test
    void refusesAnAdminBodyThatIsNotJson() {
        HttpResponse<String> response = api.put("/admin/faults", "{outage: yes");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private void switchOn(String faults) {
        HttpResponse<String> response = api.put("/admin/faults", faults);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

}
