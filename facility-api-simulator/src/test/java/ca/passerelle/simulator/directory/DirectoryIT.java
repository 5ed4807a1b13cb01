package ca.passerelle.simulator.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ca.passerelle.simulator.SimulatorClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = RANDOM_PORT)
class DirectoryIT {

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
    void listsTheWholeDirectoryWithoutFilters() {
        HttpResponse<String> response = api.get("/v1/facilities");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode facilities = api.json(response);
        assertThat(facilities.size()).isEqualTo(16);
        JsonNode lyon = facilities.get(0);
        assertThat(lyon.get("id").asString()).isEqualTo("fr-lyon-chu-01");
        assertThat(lyon.get("kind").asString()).isEqualTo("SURGICAL_HOSPITAL");
        assertThat(lyon.get("country").asString()).isEqualTo("FR");
        assertThat(lyon.get("city").asString()).isEqualTo("Lyon");
        assertThat(lyon.get("categories").toString()).contains("FUSION");
        assertThat(lyon.get("languages").toString()).contains("fr");
    }

    @Test
    void findsTheFrenchHospitalsThatPerformACategory() {
        JsonNode facilities = api.json(api.get("/v1/facilities?country=FR&category=MOTION_PRESERVATION"));

        assertThat(facilities.size()).isEqualTo(4);
        for (JsonNode facility : facilities) {
            assertThat(facility.get("kind").asString()).isEqualTo("SURGICAL_HOSPITAL");
            assertThat(facility.get("categories").toString()).contains("MOTION_PRESERVATION");
        }
    }

    @Test
    void findsTheRehabClinicOfARegion() {
        JsonNode facilities = api.json(api.get("/v1/facilities?region=QC-13&kind=REHAB_CLINIC"));

        assertThat(facilities.size()).isEqualTo(1);
        assertThat(facilities.get(0).get("id").asString()).isEqualTo("rehab-qc-laval-01");
        assertThat(facilities.get(0).get("country").asString()).isEqualTo("CA");
    }

    @Test
    void answersAnUnknownKindWithAProblem() {
        HttpResponse<String> response = api.get("/v1/facilities?kind=SPACESHIP");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void listsSlotsWithinTheAskedWindow() {
        LocalDate from = LocalDate.now().plusDays(10);
        LocalDate to = from.plusDays(30);

        JsonNode slots = api.json(api.get("/v1/facilities/fr-bordeaux-chu-01/slots?from=" + from + "&to=" + to));

        assertThat(slots.size()).isPositive();
        for (JsonNode slot : slots) {
            assertThat(LocalDate.parse(slot.get("date").asString())).isBetween(from, to);
            assertThat(slot.get("facilityId").asString()).isEqualTo("fr-bordeaux-chu-01");
            assertThat(slot.get("slotId").asString()).startsWith("fr-bordeaux-chu-01-");
            assertThat(slot.get("status").asString()).isIn("AVAILABLE", "HELD", "BOOKED");
        }
    }

    @Test
    void answersSlotsOfAnUnknownFacilityWith404() {
        HttpResponse<String> response = api.get("/v1/facilities/fr-nowhere-01/slots");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(api.json(response).get("detail").asString()).contains("fr-nowhere-01");
    }

    @Test
    void refusesAWindowThatEndsBeforeItStarts() {
        HttpResponse<String> response = api.get("/v1/facilities/fr-lille-chu-01/slots?from=2027-02-01&to=2027-01-01");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(api.json(response).get("type").asString()).endsWith("/invalid-value");
    }

    @Test
    void reportsItselfHealthy() {
        HttpResponse<String> response = api.get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.json(response).get("status").asString()).isEqualTo("UP");
    }

}
