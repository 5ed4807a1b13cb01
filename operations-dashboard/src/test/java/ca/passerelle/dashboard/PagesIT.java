package ca.passerelle.dashboard;

import static ca.passerelle.events.EventCatalog.CASE_OPENED;
import static ca.passerelle.events.EventCatalog.CONSENT_CHANGED;
import static ca.passerelle.events.EventCatalog.CONSERVATIVE_CARE_VERIFIED;
import static ca.passerelle.events.EventCatalog.FOLLOW_UP_ALERT_RAISED;
import static ca.passerelle.events.EventCatalog.FOLLOW_UP_RECORDED;
import static ca.passerelle.events.EventCatalog.SURGERY_COMPLETED;
import static ca.passerelle.events.EventCatalog.SYMPTOMS_REPORTED;
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
    void casePageShowsBlockersAlertsAndTheScoresChartWithItsThresholds() throws Exception {
        CaseEvents patient = CaseEvents.forNewCase();
        Instant now = Instant.now();
        send(patient.event(CASE_OPENED, now.minus(Duration.ofDays(120))));
        send(patient.event(SYMPTOMS_REPORTED, now.minus(Duration.ofDays(100))));
        send(patient.event(CONSENT_CHANGED, now.minus(Duration.ofDays(90))));
        send(patient.event(SURGERY_COMPLETED, now.minus(Duration.ofDays(60))));
        send(patient.event(FOLLOW_UP_RECORDED, now.minus(Duration.ofDays(30))));
        send(patient.event(FOLLOW_UP_ALERT_RAISED, now.minus(Duration.ofDays(1))));
        Http api = Http.asCoordinator(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.json("/api/cases/" + patient.caseId() + "/timeline")).hasSize(6));

        String french = body(page("/cases/" + patient.caseId()));
        keep("case-fr.html", french);
        assertThat(french)
                .contains("Points bloquants", "Consentement à la communication hors Québec manquant")
                .contains("Alertes de suivi", "Élevée", "Pas d’amélioration cliniquement significative", "Ouverte")
                .contains("<svg", "id=\"chart-nrs\"", "id=\"chart-odi\"", "class=\"threshold\"", "class=\"baseline\"")
                .contains("Référence préopératoire : 7", "Seuil d’amélioration cliniquement significative : 5")
                .contains("Référence préopératoire : 46", "Seuil d’amélioration cliniquement significative : 36")
                .contains("Suivi de réadaptation", "Mesure préopératoire", "Chirurgie 2027-01-20")
                .contains("Consentement modifié", "Alerte de suivi levée", "Suivi enregistré")
                .contains("Chaque action appelle l’API du service responsable avec votre propre identité", "Prendre en charge l’alerte");
        String english = body(browser.perform(get("/cases/" + patient.caseId() + "?lang=en").with(Browser.coordinator()))
                .andReturn().getResponse());
        assertThat(english).contains("Blockers", "Cross-border consent missing", "Pre-operative baseline: 7",
                "Clinically meaningful improvement threshold: 36", "No clinically meaningful improvement", "Follow-up alert raised")
                .doesNotContain("Points bloquants");
    }

    @Test
    void queuesAndOverviewShowWaitingCasesSlaAndAlerts() throws Exception {
        CaseEvents late = CaseEvents.forNewCase();
        Instant now = Instant.now();
        send(late.event(CASE_OPENED, now.minus(Duration.ofDays(30))));
        send(late.event(CONSERVATIVE_CARE_VERIFIED, now.minus(Duration.ofDays(20))));
        Http api = Http.asCoordinator(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.json("/api/cases/" + late.caseId()).get("stage").asString()).isEqualTo("AWAITING_EVALUATION"));

        String queues = body(page("/queues"));
        assertThat(queues).contains("Files de travail", "En attente d’évaluation", "Voyage à finaliser", "Alertes de suivi",
                "Spécialiste : évaluer le dossier", late.caseId(), "Hors délai", "20 jour(s) à l’étape");
        assertThat(body(page("/queues?lang=en"))).contains("Work queues", "Travel to finalise", "Past the limit",
                "20 day(s) in stage");

        String overview = body(page("/"));
        keep("overview-fr.html", overview);
        keep("queues-fr.html", queues);
        assertThat(overview).contains("Délais par étape (SLA)", "Dossiers hors délai", "Alertes de suivi ouvertes, par gravité",
                "Urgente", "Files de travail", "Choix de l’hôpital attendu");
        assertThat(Long.parseLong(textOf(overview, "sla-breached"))).isGreaterThanOrEqualTo(1);
        assertThat(Long.parseLong(textOf(overview, "queue-AWAITING_EVALUATION"))).isGreaterThanOrEqualTo(1);
        assertThat(Long.parseLong(textOf(overview, "queue-TRAVEL_TO_FINALISE"))).isGreaterThanOrEqualTo(1);

        String breaching = body(page("/cases?sla=BREACHED"));
        assertThat(breaching).contains(late.caseId()).doesNotContain(events.caseId());
        assertThat(body(page("/cases?queue=TRAVEL_TO_FINALISE"))).contains(events.caseId()).doesNotContain(late.caseId());
        assertThat(body(page("/cases?caseId=" + late.caseId()))).contains(late.caseId()).doesNotContain(events.caseId());
    }

    @Test
    void caseListPagesWithTheCursorKeepingItsFilters() throws Exception {
        String clinic = "clinic-pages-" + UUID.randomUUID();
        Instant now = Instant.now();
        for (int i = 0; i < 25; i++) {
            send(CaseEvents.forNewCase().withClinic(clinic).event(CASE_OPENED, now.minusSeconds(i)));
        }
        Http api = Http.asCoordinator(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.json("/api/cases?clinicId=" + clinic).get("total").asLong()).isEqualTo(25));

        String first = body(page("/cases?clinicId=" + clinic));
        assertThat(first).contains("25 dossier(s)", "Page suivante").doesNotContain("Première page");
        String href = hrefOf(first, "next");
        assertThat(href).contains("clinicId=" + clinic, "after=");

        String second = body(page(href));
        assertThat(second).contains("Première page").doesNotContain("rel=\"next\"");
        assertThat(count(first, "<tr class=") + count(first, "<tr>") - 1).isEqualTo(20);
    }

    /** Keeps a rendered page as a build artefact ({@code target/pages/}), to look at or screenshot after the build. */
    private static void keep(String name, String html) throws java.io.IOException {
        java.nio.file.Path pages = java.nio.file.Path.of("target", "pages");
        java.nio.file.Files.createDirectories(pages);
        java.nio.file.Files.writeString(pages.resolve(name), html.replace("/css/dashboard.css", "../classes/static/css/dashboard.css"));
    }

    /** The text of the element with this id. */
    private static String textOf(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isNotNegative();
        int start = html.indexOf('>', at) + 1;
        return html.substring(start, html.indexOf('<', start)).strip();
    }

    /** The target of the link with this rel. */
    private static String hrefOf(String html, String rel) {
        int relAt = html.indexOf("rel=\"" + rel + "\"");
        assertThat(relAt).as(rel).isNotNegative();
        String tag = html.substring(html.lastIndexOf("<a", relAt), html.indexOf('>', relAt));
        int start = tag.indexOf("href=\"") + 6;
        return tag.substring(start, tag.indexOf('"', start)).replace("&amp;", "&");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
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
