package ca.passerelle.dashboard;

import static ca.passerelle.events.EventCatalog.CASE_OPENED;
import static ca.passerelle.events.EventCatalog.CONSERVATIVE_CARE_VERIFIED;
import static ca.passerelle.events.EventCatalog.FOLLOW_UP_ALERT_RAISED;
import static ca.passerelle.events.EventCatalog.TRAVEL_PLAN_UPDATED;
import static ca.passerelle.events.EventCatalog.REHAB_PLAN_CREATED;
import static ca.passerelle.events.EventCatalog.SURGERY_COMPLETED;
import static ca.passerelle.events.EventCatalog.SURGERY_NOT_INDICATED;
import static ca.passerelle.events.EventCatalog.SURGERY_RECOMMENDED;
import static ca.passerelle.events.EventCatalog.SURGERY_SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.EventType;
import ca.passerelle.platform.messaging.AggregateStore;
import ca.passerelle.testinfra.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

@DashboardIntegrationTest
class CaseSummaryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    MeterRegistry meters;

    @Test
    void followsACaseAcrossTheFourTopicsToRehabilitation() {
        CaseEvents events = CaseEvents.forNewCase();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<EventType<?>> pathway = List.of(CASE_OPENED, CONSERVATIVE_CARE_VERIFIED, SURGERY_RECOMMENDED, SURGERY_SCHEDULED,
                SURGERY_COMPLETED, REHAB_PLAN_CREATED);
        for (int i = 0; i < pathway.size(); i++) {
            send(pathway.get(i), events.event(pathway.get(i), start.plusSeconds(60L * i)));
        }
        Http http = Http.asCoordinator(port);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode summary = http.json("/api/cases/" + events.caseId());
            assertThat(summary.get("stage").asString()).isEqualTo("REHABILITATION");
            assertThat(http.json("/api/cases/" + events.caseId() + "/timeline")).hasSize(6);
        });

        JsonNode summary = http.json("/api/cases/" + events.caseId());
        assertThat(summary.get("caseId").asString()).isEqualTo(events.caseId());
        assertThat(summary.get("hospitalId").asString()).isEqualTo("fr-lyon-chu-01");
        assertThat(summary.get("clinicId").asString()).isEqualTo("clinic-qc-laval-01");
        assertThat(summary.get("terminal").asBoolean()).isFalse();
        assertThat(summary.get("status").asString()).isEqualTo("Suivi de réadaptation en cours");
        assertThat(Instant.parse(summary.get("lastEventAt").asString())).isEqualTo(start.plusSeconds(300));
        assertThat(summary.get("alerts").isArray()).isTrue();

        JsonNode timeline = http.json("/api/cases/" + events.caseId() + "/timeline");
        assertThat(types(timeline)).containsExactly(pathway.stream().map(EventType::name).toArray(String[]::new));
        assertThat(timeline.get(0).get("source").asString()).isEqualTo("/passerelle/intake-service");
        assertThat(timeline.get(0).get("summary").asString()).startsWith("Dossier ouvert par clinic-qc-laval-01");
        assertThat(Instant.parse(timeline.get(5).get("at").asString())).isEqualTo(start.plusSeconds(300));
    }

    @Test
    void appliesTheSameEventDeliveredTwiceOnlyOnce() {
        CaseEvents events = CaseEvents.forNewCase();
        EventEnvelope opened = events.event(CASE_OPENED, Instant.now());
        double duplicatesBefore = duplicates();

        send(CASE_OPENED, opened);
        send(CASE_OPENED, opened);

        Http http = Http.asCoordinator(port);
        await().atMost(PATIENCE).until(() -> duplicates() > duplicatesBefore);
        JsonNode timeline = http.json("/api/cases/" + events.caseId() + "/timeline");
        assertThat(timeline).hasSize(1);
        assertThat(timeline.get(0).get("type").asString()).isEqualTo(CASE_OPENED.name());
        assertThat(http.json("/api/cases/" + events.caseId()).get("stage").asString()).isEqualTo("TRIAGE");
    }

    @Test
    void anyEventMayArriveFirstAndALateOlderOneNeverMovesTheCaseBack() {
        CaseEvents events = CaseEvents.forNewCase();
        Instant start = Instant.now();
        send(SURGERY_SCHEDULED, events.event(SURGERY_SCHEDULED, start.plusSeconds(3600)));
        Http http = Http.asCoordinator(port);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(http.get("/api/cases/" + events.caseId()).getStatusCode()).isEqualTo(HttpStatus.OK));

        send(CONSERVATIVE_CARE_VERIFIED, events.event(CONSERVATIVE_CARE_VERIFIED, start.plusSeconds(60)));
        send(CASE_OPENED, events.event(CASE_OPENED, start));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(http.json("/api/cases/" + events.caseId() + "/timeline")).hasSize(3));
        JsonNode summary = http.json("/api/cases/" + events.caseId());
        assertThat(summary.get("stage").asString()).isEqualTo("SURGERY_SCHEDULED");
        assertThat(summary.get("clinicId").asString()).isEqualTo("clinic-qc-laval-01");
        assertThat(types(http.json("/api/cases/" + events.caseId() + "/timeline")))
                .containsExactly(CASE_OPENED.name(), CONSERVATIVE_CARE_VERIFIED.name(), SURGERY_SCHEDULED.name());
    }

    @Test
    void listsCasesByStageAndClinicWithPagingAndTotal() {
        String clinic = "clinic-it-" + UUID.randomUUID();
        CaseEvents rehab = CaseEvents.forNewCase().withClinic(clinic);
        CaseEvents closed = CaseEvents.forNewCase().withClinic(clinic);
        Instant start = Instant.now();
        send(CASE_OPENED, rehab.event(CASE_OPENED, start));
        send(REHAB_PLAN_CREATED, rehab.event(REHAB_PLAN_CREATED, start.plusSeconds(60)));
        send(CASE_OPENED, closed.event(CASE_OPENED, start));
        send(SURGERY_NOT_INDICATED, closed.event(SURGERY_NOT_INDICATED, start.plusSeconds(120)));
        Http http = Http.asCoordinator(port);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode page = http.json("/api/cases?clinicId=" + clinic + "&stage=CLOSED");
            assertThat(page.get("total").asLong()).isEqualTo(1);
            assertThat(page.get("items").get(0).get("caseId").asString()).isEqualTo(closed.caseId());
            assertThat(page.get("items").get(0).get("terminalReason").asString()).isEqualTo("NOT_A_CANDIDATE");
            assertThat(http.json("/api/cases?clinicId=" + clinic + "&stage=REHABILITATION").get("total").asLong()).isEqualTo(1);
        });

        JsonNode firstPage = http.json("/api/cases?clinicId=" + clinic + "&page=0&size=1");
        assertThat(firstPage.get("total").asLong()).isEqualTo(2);
        assertThat(firstPage.get("size").asInt()).isEqualTo(1);
        assertThat(firstPage.get("items")).hasSize(1);
        assertThat(firstPage.get("items").get(0).get("caseId").asString()).isEqualTo(closed.caseId());
        JsonNode secondPage = http.json("/api/cases?clinicId=" + clinic + "&page=1&size=1");
        assertThat(secondPage.get("items").get(0).get("caseId").asString()).isEqualTo(rehab.caseId());
        assertThat(http.json("/api/cases?clinicId=" + clinic + "&stage=TRIAGE").get("total").asLong()).isZero();
    }

    @Test
    void answersProblemDetailsForAnUnknownCaseAndABadFilter() {
        Http http = Http.asCoordinator(port);

        ResponseEntity<String> unknown = http.get("/api/cases/c-unknown-" + UUID.randomUUID());
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(unknown.getBody()).contains("\"status\":404");
        assertThat(http.get("/api/cases/c-unknown-" + UUID.randomUUID() + "/timeline").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<String> badStage = http.get("/api/cases?stage=NOWHERE");
        assertThat(badStage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badStage.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(http.get("/api/cases?size=0").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.get("/api/cases?size=100").getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> tooBig = http.get("/api/cases?size=101");
        assertThat(tooBig.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooBig.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(tooBig.getBody()).contains("size").doesNotContain("101");

        ResponseEntity<String> forgedCursor = http.get("/api/cases?after=bm90LWEtY3Vyc29y");
        assertThat(forgedCursor.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(forgedCursor.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(forgedCursor.getBody()).doesNotContain("bm90LWEtY3Vyc29y").doesNotContain("not-a-cursor");
        assertThat(http.get("/api/cases?sla=LATE").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.get("/api/cases?queue=NOWHERE").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void filtersByHospitalAlertSlaQueueAndCaseIdAndPagesWithTheCursor() {
        String clinic = "clinic-it-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // waiting for the specialist for 20 days (limit 14): breached
        CaseEvents late = CaseEvents.forNewCase().withClinic(clinic);
        send(CASE_OPENED, late.event(CASE_OPENED, now.minus(Duration.ofDays(21))));
        send(CONSERVATIVE_CARE_VERIFIED, late.event(CONSERVATIVE_CARE_VERIFIED, now.minus(Duration.ofDays(20))));
        // in rehabilitation at fr-lyon-chu-01 with an open alert
        CaseEvents alerted = CaseEvents.forNewCase().withClinic(clinic);
        send(CASE_OPENED, alerted.event(CASE_OPENED, now.minus(Duration.ofDays(90))));
        send(SURGERY_COMPLETED, alerted.event(SURGERY_COMPLETED, now.minus(Duration.ofDays(30))));
        send(FOLLOW_UP_ALERT_RAISED, alerted.event(FOLLOW_UP_ALERT_RAISED, now.minus(Duration.ofDays(1))));
        // scheduled, travel plan in preparation
        CaseEvents travel = CaseEvents.forNewCase().withClinic(clinic);
        send(CASE_OPENED, travel.event(CASE_OPENED, now.minus(Duration.ofDays(40))));
        send(SURGERY_SCHEDULED, travel.event(SURGERY_SCHEDULED, now.minus(Duration.ofDays(2))));
        send(TRAVEL_PLAN_UPDATED, travel.event(TRAVEL_PLAN_UPDATED, now.minus(Duration.ofHours(2))));
        Http http = Http.asCoordinator(port);
        String mine = "/api/cases?clinicId=" + clinic;

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(http.json(mine).get("total").asLong()).isEqualTo(3);
            assertThat(http.json("/api/cases/" + travel.caseId() + "/timeline")).hasSize(3);
            assertThat(http.json("/api/cases/" + alerted.caseId() + "/timeline")).hasSize(3);
        });

        assertThat(ids(http.json(mine + "&sla=BREACHED"))).containsExactly(late.caseId());
        assertThat(ids(http.json(mine + "&sla=OK"))).containsExactlyInAnyOrder(alerted.caseId(), travel.caseId());
        assertThat(ids(http.json(mine + "&openAlert=true"))).containsExactly(alerted.caseId());
        assertThat(ids(http.json(mine + "&openAlert=false"))).containsExactlyInAnyOrder(late.caseId(), travel.caseId());
        assertThat(ids(http.json(mine + "&queue=AWAITING_EVALUATION"))).containsExactly(late.caseId());
        assertThat(ids(http.json(mine + "&queue=TRAVEL_TO_FINALISE"))).containsExactly(travel.caseId());
        assertThat(ids(http.json(mine + "&queue=FOLLOW_UP_ALERTS"))).containsExactly(alerted.caseId());
        assertThat(ids(http.json(mine + "&hospitalId=fr-lyon-chu-01"))).containsExactlyInAnyOrder(alerted.caseId(), travel.caseId());
        assertThat(ids(http.json("/api/cases?caseId=" + late.caseId().substring(0, 20)))).containsExactly(late.caseId());

        JsonNode breached = http.json("/api/cases/" + late.caseId());
        assertThat(breached.get("sla").asString()).isEqualTo("BREACHED");
        assertThat(breached.get("daysInStage").asLong()).isEqualTo(20);
        assertThat(breached.get("stage").asString()).isEqualTo("AWAITING_EVALUATION");
        JsonNode withAlert = http.json("/api/cases/" + alerted.caseId());
        assertThat(withAlert.get("openAlerts").asInt()).isEqualTo(1);
        assertThat(withAlert.get("alerts").get(0).get("severity").asString()).isEqualTo("HIGH");
        assertThat(withAlert.get("alerts").get(0).get("open").asBoolean()).isTrue();
        assertThat(http.json("/api/cases/" + travel.caseId()).get("blockers").get(0).get("kind").asString())
                .isEqualTo("TRAVEL_DOCUMENTS_MISSING");

        // keyset paging: most recent movement first, the cursor leads to the next page, the last page has none
        JsonNode first = http.json(mine + "&size=2");
        assertThat(ids(first)).containsExactly(travel.caseId(), alerted.caseId());
        JsonNode second = http.json(mine + "&size=2&after=" + first.get("next").asString());
        assertThat(ids(second)).containsExactly(late.caseId());
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(second.get("total").asLong()).isEqualTo(3);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("caseId").asString()));
        return ids;
    }

    private void send(EventType<?> type, EventEnvelope envelope) {
        TopicProbe.send(kafka, type.topic(), envelope.subject(), EventCodec.write(envelope));
    }

    private double duplicates() {
        return meters.find("passerelle.events.consumed").tag("outcome", AggregateStore.Outcome.DUPLICATE.name().toLowerCase())
                .counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    private static List<String> types(JsonNode timeline) {
        List<String> types = new ArrayList<>();
        timeline.forEach(entry -> types.add(entry.get("type").asString()));
        return types;
    }
}
