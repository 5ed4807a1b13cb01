package ca.passerelle.simulator.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ca.passerelle.simulator.SimulatorClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = RANDOM_PORT)
class HoldLifecycleIT {

    private static final String TOULOUSE = "fr-toulouse-clinique-01";

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    SimulatorClient api;

    @BeforeEach
    void connect() {
        api = new SimulatorClient(port, json);
    }

    @Test
    void holdingThenConfirmingBooksTheSlot() {
        String slotId = api.availableSlot(TOULOUSE);

        HttpResponse<String> held = hold(slotId, "case-hold-confirm");

        assertThat(held.statusCode()).isEqualTo(201);
        JsonNode hold = api.json(held);
        String holdId = hold.get("holdId").asString();
        assertThat(held.headers().firstValue("Location")).contains("/v1/holds/" + holdId);
        assertThat(hold.get("status").asString()).isEqualTo("HELD");
        assertThat(hold.get("slotId").asString()).isEqualTo(slotId);
        assertThat(hold.get("facilityId").asString()).isEqualTo(TOULOUSE);
        assertThat(hold.get("reference").asString()).isEqualTo("case-hold-confirm");
        assertThat(hold.get("date").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(hold.get("expiresAt").asString()).endsWith("Z");
        assertThat(api.slotStatus(TOULOUSE, slotId)).isEqualTo("HELD");

        HttpResponse<String> confirmed = api.post("/v1/holds/" + holdId + "/confirm", "");

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(api.json(confirmed).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(api.slotStatus(TOULOUSE, slotId)).isEqualTo("BOOKED");
    }

    @Test
    void releasingAHoldMakesTheSlotAvailableAgain() {
        String slotId = api.availableSlot(TOULOUSE);
        String holdId = api.json(hold(slotId, "case-release")).get("holdId").asString();

        HttpResponse<String> released = api.delete("/v1/holds/" + holdId);

        assertThat(released.statusCode()).isEqualTo(204);
        assertThat(api.slotStatus(TOULOUSE, slotId)).isEqualTo("AVAILABLE");
        assertThat(api.json(api.get("/v1/holds/" + holdId)).get("status").asString()).isEqualTo("RELEASED");
        assertThat(api.get("/v1/holds?status=RELEASED").body()).contains(holdId);
        assertThat(api.get("/v1/holds?status=HELD").body()).doesNotContain(holdId);
    }

    @Test
    void refusesASecondHoldOnTheSameSlot() {
        String slotId = api.availableSlot(TOULOUSE);
        assertThat(hold(slotId, "case-first").statusCode()).isEqualTo(201);

        HttpResponse<String> second = hold(slotId, "case-second");

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = api.json(second);
        assertThat(problem.get("type").asString()).endsWith("/slot-not-available");
        assertThat(problem.get("status").asInt()).isEqualTo(409);
    }

    @Test
    void listsHeldHolds() {
        String holdId = api.json(hold(api.availableSlot(TOULOUSE), "case-listed")).get("holdId").asString();

        JsonNode held = api.json(api.get("/v1/holds?status=HELD"));

        assertThat(held.findValuesAsString("holdId")).contains(holdId);
        assertThat(held.findValuesAsString("status")).containsOnly("HELD");
    }

    @Test
    void answersAnUnknownSlotWith404() {
        HttpResponse<String> response = hold("fr-toulouse-clinique-01-19990101-1", "case-unknown");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(api.json(response).get("type").asString()).endsWith("/not-found");
    }

    @Test
    void answersAnUnknownHoldWith404() {
        assertThat(api.post("/v1/holds/hold-nope/confirm", "").statusCode()).isEqualTo(404);
        assertThat(api.delete("/v1/holds/hold-nope").statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAHoldRequestWithoutReference() {
        HttpResponse<String> response = api.post("/v1/holds", "{\"slotId\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = api.json(response);
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("reference");
    }

    private HttpResponse<String> hold(String slotId, String reference) {
        return api.post("/v1/holds", "{\"slotId\":\"" + slotId + "\",\"reference\":\"" + reference + "\"}");
    }

}
