package ca.passerelle.dashboard;

import static ca.passerelle.events.EventCatalog.CASE_OPENED;
import static ca.passerelle.events.EventCatalog.CONSERVATIVE_CARE_VERIFIED;
import static ca.passerelle.events.EventCatalog.FOLLOW_UP_ALERT_RAISED;
import static ca.passerelle.events.EventCatalog.SURGERY_COMPLETED;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.Topics;
import ca.passerelle.testinfra.TestIssuer;
import ca.passerelle.testinfra.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * The pages in a real headless Chromium (Debian's {@code /usr/bin/chromium}, driven over the DevTools protocol), after a
 * real sign-in: the browser opens the dashboard, is sent to the project's identity provider (its jar, started on a free
 * port by {@link IdentityProviderProcess}), fills the French login form as the demo coordinator and comes back with a
 * session the dashboard opened itself (authorization code + PKCE, code redeemed at the provider, ID token checked against
 * the provider's keys). Then: a clinic opens a case through intake's real HTTP API (intake-service's jar, started as its
 * own process by {@link IntakeServiceProcess} on the same broker and database server) and the open case list shows it
 * without a reload; the overview and the case page render with their French text; the case moves stage on the open page
 * without a reload (server-sent events + htmx) when assessment's verdict arrives (put on assessment's topic: the
 * assessment service does not run here); English and back; an alert acknowledged (the rehab stand-in
 * receives the coordinator's access token from the provider) and a dead letter replayed by clicking. Screenshots in
 * {@code target/screenshots/}. Where Chromium is not installed the test is skipped (assumption) — the only skip of the
 * build.
 * <p>
 * Its own application context: the login endpoints point at the provider, and a consumer group of its own so that the
 * events the test sends reach this application (not the other test classes' application, still running in the same
 * group); closed after the class. The provider names the test issuer in its tokens, so the dashboard keeps checking ID
 * tokens against {@code passerelle.security.issuer} exactly as in production, and the API keeps accepting the test
 * issuer's tokens for the test's own checks.
 */
@DashboardIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ChromiumIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String COORDINATOR = "coordonnatrice";
    /** The local run's demo password of the coordinator (identity-provider/README.md); local and tests only. */
    private static final String COORDINATOR_PASSWORD = "demo-coordonnatrice";

    private static IdentityProviderProcess identityProvider;
    private static IntakeServiceProcess intake;

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    private final WireMockServer services = ServiceStandIns.get();
    private HeadlessChromium chromium;
    private String base;

    @BeforeAll
    static void needsChromiumThenLaunchesIntake() throws Exception {
        assumeTrue(HeadlessChromium.executable().isPresent(),
                "no Chromium at /usr/bin/chromium (Debian packages chromium + chromium-driver): the real-browser test cannot run here");
        // starts while the identity provider and the dashboard start; the first case opened waits until it is up
        intake = IntakeServiceProcess.launch();
    }

    @DynamicPropertySource
    static void signInAtTheIdentityProvider(DynamicPropertyRegistry properties) throws Exception {
        identityProvider = IdentityProviderProcess.start(TestIssuer.get().issuer());
        String provider = identityProvider.url();
        properties.add("spring.security.oauth2.client.provider.passerelle.authorization-uri", () -> provider + "/oauth2/authorize");
        properties.add("spring.security.oauth2.client.provider.passerelle.token-uri", () -> provider + "/oauth2/token");
        properties.add("spring.security.oauth2.client.provider.passerelle.jwk-set-uri", () -> provider + "/oauth2/jwks");
        properties.add("spring.security.oauth2.client.provider.passerelle.user-info-uri", () -> provider + "/userinfo");
        properties.add("spring.cloud.stream.default.group", () -> "operations-dashboard-browser-test");
    }

    @AfterAll
    static void stopTheIdentityProviderAndIntake() {
        if (identityProvider != null) {
            identityProvider.close();
            identityProvider = null;
        }
        if (intake != null) {
            intake.close();
            intake = null;
        }
    }

    @BeforeEach
    void signInAsACoordinatorInChromium() throws Exception {
        services.resetAll();
        base = "http://127.0.0.1:" + port;
        chromium = new HeadlessChromium(HeadlessChromium.executable().get());

        chromium.acceptLanguage("fr-CA,fr;q=0.9,en;q=0.5");

        chromium.open(base + "/");
        String login = chromium.waitForText(text -> text.contains("Se connecter"), "the identity provider's login page");
        assertThat(chromium.evaluate("location.href").asString()).startsWith(identityProvider.url() + "/login");
        assertThat(login).contains("Nom d'utilisateur", "Mot de passe");
        chromium.screenshot(SCREENSHOTS.resolve("login-fr.png"));
        chromium.evaluate("document.getElementById('username').value = '" + COORDINATOR + "'");
        chromium.evaluate("document.getElementById('password').value = '" + COORDINATOR_PASSWORD + "'");
        chromium.evaluate("document.querySelector('form button[type=submit]').click()");

        chromium.waitForText(text -> text.contains("Vue d’ensemble") && text.contains("Se déconnecter"), "the overview, signed in");
        // back on the page first asked for (the saved request's "?continue"), with the dashboard's own session
        assertThat(chromium.evaluate("location.href").asString()).isIn(base + "/", base + "/?continue");
    }

    @AfterEach
    void closeChromium() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aCaseOpenedThroughIntakesApiAppearsAndMovesStageLiveWithoutReload() throws Exception {
        chromium.open(base + "/cases?stage=TRIAGE");
        chromium.waitUntil("location.pathname === '/cases' && window.htmx && window.passerelleLive"
                + " && window.passerelleLive.readyState === 1");
        chromium.evaluate("window.notReloaded = 'yes'");

        // a clinic opens the case through intake's real API; intake publishes CaseOpened (outbox relay) and the open list
        // shows the new case by itself
        CaseEvents patient = CaseEvents.forCase(intake.openCaseAsClinic());
        chromium.waitForText(text -> text.contains(patient.caseId()), "the case opened through intake, on the open list");
        assertThat(chromium.evaluate("window.notReloaded").asString()).as("the list updated in place, not reloaded").isEqualTo("yes");
        awaitStage(patient.caseId(), "TRIAGE");
        assertThat(Http.asCoordinator(port).json("/api/cases/" + patient.caseId()).get("clinicId").asString())
                .isEqualTo(IntakeServiceProcess.CLINIC);

        chromium.open(base + "/");
        String overview = chromium.waitForText(text -> text.contains("Vue d’ensemble"), "the overview");
        assertThat(overview).contains("Tableau de bord des opérations", "Parcours des dossiers par étape", "Files de travail",
                "API des établissements", "Se déconnecter");
        assertThat(chromium.evaluate("document.documentElement.lang").asString()).isEqualTo("fr");
        chromium.waitUntil("window.htmx && window.passerelleLive && window.passerelleLive.readyState === 1");
        chromium.screenshot(SCREENSHOTS.resolve("overview-fr.png"));

        chromium.open(base + "/cases/" + patient.caseId());
        String casePage = chromium.waitForText(text -> text.contains("Dossier " + patient.caseId()), "the case page");
        assertThat(casePage).contains("Points bloquants", "Résumé", "Chronologie", "Actions", "Triage");
        chromium.waitUntil("window.passerelleLive && window.passerelleLive.readyState === 1");
        chromium.evaluate("window.notReloaded = 'yes'");

        // assessment-service does not run here: its verdict is put on assessment's topic, as assessment publishes it
        send(patient.event(CONSERVATIVE_CARE_VERIFIED, Instant.now()));

        chromium.waitUntil("document.querySelector('.stage') && document.querySelector('.stage').innerText === 'En attente d’évaluation'");
        assertThat(chromium.evaluate("window.notReloaded").asString()).as("updated in place, not reloaded").isEqualTo("yes");
        assertThat(chromium.text()).contains("Évaluation du spécialiste");
        chromium.screenshot(SCREENSHOTS.resolve("case-fr.png"));

        // English, kept from page to page, and back to French
        chromium.evaluate("document.querySelector('a.lang').click()");
        chromium.waitForText(text -> text.contains("Awaiting evaluation") && text.contains("Overview"), "the English page");
        chromium.open(base + "/");
        chromium.waitForText(text -> text.contains("Cases by pathway stage"), "English kept");
        assertThat(chromium.evaluate("document.documentElement.lang").asString()).isEqualTo("en");
        chromium.screenshot(SCREENSHOTS.resolve("overview-en.png"));
        chromium.evaluate("document.querySelector('a.lang').click()");
        chromium.waitForText(text -> text.contains("Vue d’ensemble"), "French again");
    }

    @Test
    void acknowledgesAnAlertAndReplaysADeadLetterByClicking() throws Exception {
        CaseEvents patient = CaseEvents.forNewCase();
        Instant now = Instant.now();
        send(patient.event(CASE_OPENED, now.minus(Duration.ofDays(90))));
        send(patient.event(SURGERY_COMPLETED, now.minus(Duration.ofDays(30))));
        send(patient.event(FOLLOW_UP_ALERT_RAISED, now.minus(Duration.ofDays(1))));
        Http api = Http.asCoordinator(port);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.json("/api/cases/" + patient.caseId()).get("alerts")).hasSize(1));
        String alertId = api.json("/api/cases/" + patient.caseId()).get("alerts").get(0).get("alertId").asString();
        services.stubFor(post(urlEqualTo("/api/alerts/" + alertId + "/acknowledge")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));

        chromium.open(base + "/cases/" + patient.caseId());
        chromium.waitForText(text -> text.contains("Prendre en charge l’alerte"), "the alert's button");
        chromium.evaluate("document.querySelector('form.acknowledge button').click()");

        chromium.waitForText(text -> text.contains("Alerte prise en charge par le service de suivi."), "the flash message");
        services.verify(1, postRequestedFor(urlEqualTo("/api/alerts/" + alertId + "/acknowledge"))
                .withHeader("Authorization", matching("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+")));
        String relayed = services.findAll(postRequestedFor(urlEqualTo("/api/alerts/" + alertId + "/acknowledge"))).get(0)
                .getHeader("Authorization").substring("Bearer ".length());
        JsonNode claims = EventCodec.mapper().readTree(Base64.getUrlDecoder().decode(relayed.split("\\.")[1]));
        assertThat(claims.get("sub").asString()).as("the coordinator's own token, from the sign-in").isEqualTo(COORDINATOR);
        assertThat(claims.get("roles").toString()).contains("COORDINATOR");
        assertThat(claims.get("aud").toString()).contains("passerelle");
        chromium.screenshot(SCREENSHOTS.resolve("case-alert-acknowledged-fr.png"));

        String key = CaseEvents.newCaseId();
        TopicProbe.send(kafka, Topics.deadLetter(Topics.REHAB, "travel-coordination-service"), key,
                EventCodec.write(CaseEvents.forCase(key).event(FOLLOW_UP_ALERT_RAISED, now)),
                new RecordHeader("x-exception-message", "fixed since".getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("x-original-topic", Topics.REHAB.getBytes(StandardCharsets.UTF_8)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.get("/api/dead-letters").getBody()).contains(key));

        chromium.open(base + "/dead-letters");
        chromium.waitForText(text -> text.contains(key), "the dead letter");
        chromium.evaluate("Array.from(document.querySelectorAll('tr')).find(row => row.innerText.includes('" + key
                + "')).querySelector('form.replay button').click()");

        chromium.waitForText(text -> text.contains("Message relancé sur son sujet d’origine."), "the replay's message");
        assertThat(TopicProbe.readAll(kafka, Topics.REHAB, record -> key.equals(record.key()))).hasSize(1);
        chromium.screenshot(SCREENSHOTS.resolve("dead-letters-fr.png"));
        assertThat(Files.size(SCREENSHOTS.resolve("dead-letters-fr.png"))).isGreaterThan(1000);
    }

    // --- helpers

    private void awaitStage(String caseId, String stage) {
        Http api = Http.asCoordinator(port);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.json("/api/cases/" + caseId).get("stage").asString()).isEqualTo(stage));
    }

    private void send(EventEnvelope envelope) {
        TopicProbe.send(kafka, EventCatalog.byName(envelope.type()).orElseThrow().topic(), envelope.subject(), EventCodec.write(envelope));
    }
}
