package ca.passerelle.dashboard;

import static ca.passerelle.events.EventCatalog.CASE_OPENED;
import static ca.passerelle.events.EventCatalog.SURGERY_SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.Topics;
import ca.passerelle.events.facility.FacilityApiStatusChanged;
import ca.passerelle.testinfra.TopicProbe;

@DashboardIntegrationTest
class PagesIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    private Http http;
    private CaseEvents events;

    @BeforeEach
    void aScheduledCase() {
        http = new Http(port);
        events = CaseEvents.forNewCase();
        Instant now = Instant.now();
        send(events.event(CASE_OPENED, now.minusSeconds(60)));
        send(events.event(SURGERY_SCHEDULED, now));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.json("/api/cases/" + events.caseId()).get("stage").asString()).isEqualTo("SURGERY_SCHEDULED"));
    }

    @Test
    void overviewSpeaksFrenchByDefaultAndListsTheCase() {
        ResponseEntity<String> page = http.get("/");

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(page.getBody())
                .contains("<html lang=\"fr\"")
                .contains("Vue d’ensemble", "Parcours des dossiers par étape", "Messages en erreur", "API des établissements",
                        "Dossiers fermés, par motif", "Orientation urgente", "Chirurgie planifiée")
                .contains(events.caseId())
                .doesNotContain("Cases by pathway stage");
    }

    @Test
    void casePageShowsTheSummaryAndTimelineInFrench() {
        ResponseEntity<String> page = http.get("/cases/" + events.caseId());

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody())
                .contains(events.caseId())
                .contains("Chronologie", "Hôpital partenaire", "fr-lyon-chu-01", "Dossier ouvert", "Chirurgie planifiée le 2027-01-20")
                .doesNotContain("Timeline");
        assertThat(page.getBody().indexOf("Dossier ouvert par")).isLessThan(page.getBody().indexOf("Chirurgie planifiée le 2027-01-20 à"));
    }

    @Test
    void langEnSwitchesToEnglishAndTheCookieKeepsIt() {
        ResponseEntity<String> overview = http.get("/?lang=en");

        assertThat(overview.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(overview.getBody()).contains("<html lang=\"en\"", "Overview", "Cases by pathway stage", "Surgery scheduled")
                .doesNotContain("Vue d’ensemble");
        String cookie = overview.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(cookie).startsWith("passerelle-lang=en");

        ResponseEntity<String> casePage = http.get("/cases/" + events.caseId(), cookie.split(";")[0]);
        assertThat(casePage.getBody()).contains(events.caseId(), "Timeline", "Partner hospital", "Case opened")
                .doesNotContain("Chronologie");
    }

    @Test
    void caseListFiltersByStage() {
        ResponseEntity<String> scheduled = http.get("/cases?stage=SURGERY_SCHEDULED");
        ResponseEntity<String> closed = http.get("/cases?stage=CLOSED");

        assertThat(scheduled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scheduled.getBody()).contains(events.caseId(), "Toutes les étapes", "Dernier événement");
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(closed.getBody()).doesNotContain(events.caseId());
    }

    @Test
    void unknownCasePageAnswers404InFrench() {
        ResponseEntity<String> page = http.get("/cases/c-nobody");

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getBody()).contains("Dossier introuvable", "c-nobody");
    }

    @Test
    void overviewShowsTheFacilityApiStatusReportedByTheGateway() {
        EventEnvelope sample = GoldenSamples.envelope(EventCatalog.FACILITY_API_STATUS_CHANGED);
        FacilityApiStatusChanged open = new FacilityApiStatusChanged("facility-api", "OPEN", Instant.now());
        TopicProbe.send(kafka, Topics.FACILITY_STATUS, "facility-api",
                EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(), sample.source(), Instant.now(), 1, open)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get("/").getBody()).contains("facility-api", "Indisponible (disjoncteur ouvert)"));
        assertThat(http.get("/?lang=en").getBody()).contains("Unavailable (breaker open)");
    }

    @Test
    void servesItsOwnStylesheet() {
        ResponseEntity<String> css = http.get("/css/dashboard.css");

        assertThat(css.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(css.getBody()).contains(".funnel");
    }

    private void send(EventEnvelope envelope) {
        TopicProbe.send(kafka, EventCatalog.byName(envelope.type()).orElseThrow().topic(), envelope.subject(),
                EventCodec.write(envelope));
    }
}
