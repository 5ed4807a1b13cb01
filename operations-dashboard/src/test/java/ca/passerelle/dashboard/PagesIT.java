package ca.passerelle.dashboard;

import static ca.passerelle.events.EventCatalog.CASE_OPENED;
import static ca.passerelle.events.EventCatalog.SURGERY_SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.Topics;
import ca.passerelle.events.facility.FacilityApiStatusChanged;
import ca.passerelle.testinfra.TopicProbe;

/** The pages, as a signed-in coordinator sees them. */
@DashboardIntegrationTest
class PagesIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    WebApplicationContext context;

    private MockMvc browser;
    private CaseEvents events;

    @BeforeEach
    void aScheduledCase() {
        browser = Browser.of(context);
        events = CaseEvents.forNewCase();
        Instant now = Instant.now();
        send(events.event(CASE_OPENED, now.minusSeconds(60)));
        send(events.event(SURGERY_SCHEDULED, now));
        Http api = Http.asCoordinator(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.json("/api/cases/" + events.caseId()).get("stage").asString()).isEqualTo("SURGERY_SCHEDULED"));
    }

    @Test
    void overviewSpeaksFrenchByDefaultAndListsTheCase() throws Exception {
        MockHttpServletResponse page = page("/");

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(body(page))
                .contains("<html lang=\"fr\"")
                .contains("Vue d’ensemble", "Parcours des dossiers par étape", "Messages en erreur", "API des établissements",
                        "Dossiers fermés, par motif", "Orientation urgente", "Chirurgie planifiée", "Se déconnecter")
                .contains(events.caseId())
                .doesNotContain("Cases by pathway stage");
    }

    @Test
    void signOutIsAPostCarryingTheCsrfToken() throws Exception {
        assertThat(body(page("/"))).containsPattern(
                "<form action=\"/logout\" method=\"post\" class=\"signout\"><input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"");
    }

    @Test
    void casePageShowsTheSummaryAndTimelineInFrench() throws Exception {
        MockHttpServletResponse page = page("/cases/" + events.caseId());

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(body(page))
                .contains(events.caseId())
                .contains("Chronologie", "Hôpital partenaire", "fr-lyon-chu-01", "Dossier ouvert", "Chirurgie planifiée le 2027-01-20")
                .doesNotContain("Timeline");
        assertThat(body(page).indexOf("Dossier ouvert par")).isLessThan(body(page).indexOf("Chirurgie planifiée le 2027-01-20 à"));
    }

    @Test
    void langEnSwitchesToEnglishAndTheCookieKeepsIt() throws Exception {
        MockHttpServletResponse overview = page("/?lang=en");

        assertThat(overview.getStatus()).isEqualTo(200);
        assertThat(body(overview)).contains("<html lang=\"en\"", "Overview", "Cases by pathway stage", "Surgery scheduled", "Sign out")
                .doesNotContain("Vue d’ensemble");
        Cookie cookie = overview.getCookie("passerelle-lang");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo("en");

        MockHttpServletResponse casePage = browser.perform(get("/cases/" + events.caseId()).cookie(cookie).with(Browser.coordinator()))
                .andReturn().getResponse();
        assertThat(body(casePage)).contains(events.caseId(), "Timeline", "Partner hospital", "Case opened")
                .doesNotContain("Chronologie");
    }

    @Test
    void caseListFiltersByStage() throws Exception {
        MockHttpServletResponse scheduled = page("/cases?stage=SURGERY_SCHEDULED");
        MockHttpServletResponse closed = page("/cases?stage=CLOSED");

        assertThat(scheduled.getStatus()).isEqualTo(200);
        assertThat(body(scheduled)).contains(events.caseId(), "Toutes les étapes", "Dernier événement");
        assertThat(closed.getStatus()).isEqualTo(200);
        assertThat(body(closed)).doesNotContain(events.caseId());
    }

    @Test
    void unknownCasePageAnswers404InFrench() throws Exception {
        MockHttpServletResponse page = page("/cases/c-nobody");

        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(body(page)).contains("Dossier introuvable", "c-nobody");
    }

    @Test
    void overviewShowsTheFacilityApiStatusReportedByTheGateway() throws Exception {
        EventEnvelope sample = GoldenSamples.envelope(EventCatalog.FACILITY_API_STATUS_CHANGED);
        FacilityApiStatusChanged open = new FacilityApiStatusChanged("facility-api", "OPEN", Instant.now());
        TopicProbe.send(kafka, Topics.FACILITY_STATUS, "facility-api",
                EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(), sample.source(), Instant.now(), 1, open)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(body(page("/"))).contains("facility-api", "Indisponible (disjoncteur ouvert)"));
        assertThat(body(page("/?lang=en"))).contains("Unavailable (breaker open)");
    }

    @Test
    void servesItsOwnStylesheet() throws Exception {
        MockHttpServletResponse css = page("/css/dashboard.css");

        assertThat(css.getStatus()).isEqualTo(200);
        assertThat(body(css)).contains(".funnel");
    }

    private MockHttpServletResponse page(String path) throws Exception {
        return browser.perform(get(path).with(Browser.coordinator())).andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private void send(EventEnvelope envelope) {
        TopicProbe.send(kafka, EventCatalog.byName(envelope.type()).orElseThrow().topic(), envelope.subject(),
                EventCodec.write(envelope));
    }
}
