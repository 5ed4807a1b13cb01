package ca.passerelle.dashboard;

import static ca.passerelle.events.EventCatalog.CASE_OPENED;
import static ca.passerelle.events.EventCatalog.CONSERVATIVE_CARE_VERIFIED;
import static ca.passerelle.events.EventCatalog.FOLLOW_UP_ALERT_RAISED;
import static ca.passerelle.events.EventCatalog.SURGERY_COMPLETED;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import java.util.List;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.WebApplicationContext;

import com.github.tomakehurst.wiremock.WireMockServer;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.Topics;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;

/**
 * The pages in a real headless Chromium (Debian's {@code /usr/bin/chromium}, driven over the DevTools protocol), as a
 * signed-in coordinator: the overview and a case page render with their French text; a case moves stage on the open
 * page without a reload (server-sent events + htmx); English and back; an alert acknowledged and a dead letter
 * replayed by clicking. Screenshots in {@code target/screenshots/}. Where Chromium is not installed the test is skipped
 * (assumption) — the only skip of the build.
 */
@DashboardIntegrationTest
class ChromiumIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String SESSION_COOKIE = "PASSERELLE_DASHBOARD_SESSION";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    WebApplicationContext context;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    OAuth2AuthorizedClientRepository authorizedClients;

    private final WireMockServer services = ServiceStandIns.get();
    private HeadlessChromium chromium;
    private String base;
    private String accessToken;

    @BeforeEach
    void openChromiumSignedInAsACoordinator() throws Exception {
        assumeTrue(HeadlessChromium.executable().isPresent(),
                "no Chromium at /usr/bin/chromium (Debian packages chromium + chromium-driver): the real-browser test cannot run here");
        services.resetAll();
        base = "http://127.0.0.1:" + port;
        chromium = new HeadlessChromium(HeadlessChromium.executable().get());
        chromium.setCookie(base + "/", SESSION_COOKIE, coordinatorSession());
    }

    @AfterEach
    void closeChromium() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void overviewAndCasePageRenderInFrenchAndTheCaseMovesLiveWithoutReload() throws Exception {
        CaseEvents patient = CaseEvents.forNewCase();
        send(patient.event(CASE_OPENED, Instant.now().minusSeconds(120)));
        awaitStage(patient.caseId(), "INTAKE");

        chromium.open(base + "/");
        String overview = chromium.waitForText(text -> text.contains("Vue d’ensemble"), "the overview");
        assertThat(overview).contains("Tableau de bord des opérations", "Parcours des dossiers par étape", "Files de travail",
                "API des établissements", "Se déconnecter");
        assertThat(chromium.evaluate("document.documentElement.lang").asString()).isEqualTo("fr");
        chromium.waitUntil("window.htmx && window.passerelleLive && window.passerelleLive.readyState === 1");
        chromium.screenshot(SCREENSHOTS.resolve("overview-fr.png"));

        chromium.open(base + "/cases/" + patient.caseId());
        String casePage = chromium.waitForText(text -> text.contains("Dossier " + patient.caseId()), "the case page");
        assertThat(casePage).contains("Points bloquants", "Résumé", "Chronologie", "Actions", "Accueil");
        chromium.waitUntil("window.passerelleLive && window.passerelleLive.readyState === 1");
        chromium.evaluate("window.notReloaded = 'yes'");

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
                .withHeader("Authorization", equalTo("Bearer " + accessToken)));
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

    /**
     * A coordinator's login session in the running server's session store, as the oauth2Login leaves it (the test
     * issuer has no authorization endpoint to sign in at): the security context with the OIDC login, and the
     * authorized client with the coordinator's access token. Its id is the session cookie.
     */
    private String coordinatorSession() throws Exception {
        String subject = "coordonnatrice-" + System.nanoTime();
        accessToken = TestTokens.coordinator();
        Instant now = Instant.now();
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").subject(subject).claim("roles", List.of("COORDINATOR"))
                .issuedAt(now).expiresAt(now.plusSeconds(3600)).build();
        OAuth2AuthenticationToken login = new OAuth2AuthenticationToken(
                new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_COORDINATOR")), idToken, "sub"),
                List.of(new SimpleGrantedAuthority("ROLE_COORDINATOR")), "passerelle-web");
        authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(registrations.findByRegistrationId("passerelle-web"), subject,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, now, now.plusSeconds(3600))),
                login, new MockHttpServletRequest(), new MockHttpServletResponse());
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        Context webapp = (Context) server.getTomcat().getHost().findChildren()[0];
        Session session = webapp.getManager().createSession(null);
        session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(login));
        return session.getId();
    }

    private void awaitStage(String caseId, String stage) {
        Http api = Http.asCoordinator(port);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.json("/api/cases/" + caseId).get("stage").asString()).isEqualTo(stage));
    }

    private void send(EventEnvelope envelope) {
        TopicProbe.send(kafka, EventCatalog.byName(envelope.type()).orElseThrow().topic(), envelope.subject(), EventCodec.write(envelope));
    }
}
