package ca.passerelle.dashboard;

import static ca.passerelle.events.EventCatalog.CASE_OPENED;
import static ca.passerelle.events.EventCatalog.CONSERVATIVE_CARE_VERIFIED;
import static ca.passerelle.events.EventCatalog.FOLLOW_UP_ALERT_RAISED;
import static ca.passerelle.events.EventCatalog.SURGERY_COMPLETED;
import static ca.passerelle.events.EventCatalog.SURGERY_OPTIONS_OFFERED;
import static ca.passerelle.events.EventCatalog.SURGERY_SCHEDULED;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.github.tomakehurst.wiremock.WireMockServer;

import ca.passerelle.dashboard.actions.web.Outcome;
import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventType;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;

/**
 * The coordinator's actions from the case page: each is a form posted with the session's CSRF token that calls the
 * owning service (WireMock standing in for travel and rehab) with the coordinator's own access token — the one the
 * login stored for registration {@code passerelle-web} — and the right body; the outcome comes back as a flash
 * message, French first: done, refused with the service's problem title, service failing, service too slow.
 */
@DashboardIntegrationTest
class CaseActionsIT {

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
    private MockMvc browser;
    private String subject;
    private String accessToken;
    private OAuth2AuthenticationToken session;

    @BeforeEach
    void signInAsACoordinator() {
        browser = Browser.of(context);
        services.resetAll();
        // what the oauth2Login leaves behind: the login and the authorized client with the coordinator's access token
        subject = "coordonnatrice-" + System.nanoTime();
        accessToken = TestTokens.coordinator();
        Instant now = Instant.now();
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").subject(subject).claim("roles", List.of("COORDINATOR"))
                .issuedAt(now).expiresAt(now.plusSeconds(3600)).build();
        session = new OAuth2AuthenticationToken(
                new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_COORDINATOR")), idToken, "sub"),
                List.of(new SimpleGrantedAuthority("ROLE_COORDINATOR")), "passerelle-web");
        authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(registrations.findByRegistrationId("passerelle-web"), subject,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, now, now.plusSeconds(3600))),
                session, new MockHttpServletRequest(), new MockHttpServletResponse());
    }

    @Test
    void picksAHospitalOptionAtTheTravelServiceWithTheCoordinatorsToken() throws Exception {
        CaseEvents patient = caseAt(SURGERY_OPTIONS_OFFERED, "AWAITING_HOSPITAL_CHOICE");
        services.stubFor(get(urlEqualTo("/api/bookings/" + patient.caseId())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"caseId":"%s","status":"AWAITING_CHOICE","options":[
                          {"optionId":"opt-1","hospitalId":"fr-lyon-chu-01","hospitalName":"CHU de Lyon","city":"Lyon","slotId":"s-1","surgeryOn":"2027-01-12"},
                          {"optionId":"opt-2","hospitalId":"fr-paris-hp-02","hospitalName":"Hôpital Paris Est","city":"Paris","slotId":"s-2","surgeryOn":"2027-01-20"}]}
                        """.formatted(patient.caseId()))));
        services.stubFor(post(urlEqualTo("/api/bookings/" + patient.caseId() + "/choice")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"caseId\":\"" + patient.caseId() + "\"}")));

        String page = page("/cases/" + patient.caseId());
        assertThat(page).contains("Choisir un hôpital partenaire", "CHU de Lyon (Lyon) — 2027-01-12", "value=\"opt-2\"",
                "action=\"/cases/" + patient.caseId() + "/actions/choose-option\"", "name=\"_csrf\"");
        services.verify(getRequestedFor(urlEqualTo("/api/bookings/" + patient.caseId()))
                .withHeader("Authorization", equalTo("Bearer " + accessToken)));

        MvcResult result = act("/cases/" + patient.caseId() + "/actions/choose-option", "optionId", "opt-2");

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + patient.caseId());
        services.verify(1, postRequestedFor(urlEqualTo("/api/bookings/" + patient.caseId() + "/choice"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"optionId\":\"opt-2\"}")));
        assertThat(followed(result, patient.caseId())).contains("Option choisie : le service de voyage réserve le créneau.");
    }

    @Test
    void cancelsAndReschedulesABookingAtTheTravelService() throws Exception {
        CaseEvents patient = caseAt(SURGERY_SCHEDULED, "SURGERY_SCHEDULED");
        String caseId = patient.caseId();
        services.stubFor(post(urlEqualTo("/api/bookings/" + caseId + "/cancel")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        services.stubFor(post(urlEqualTo("/api/bookings/" + caseId + "/reschedule")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        assertThat(page("/cases/" + caseId)).contains("Annuler la réservation de chirurgie", "Reporter la chirurgie",
                "action=\"/cases/" + caseId + "/actions/reschedule-booking\"");

        MvcResult cancelled = act("/cases/" + caseId + "/actions/cancel-booking");
        MvcResult rescheduled = act("/cases/" + caseId + "/actions/reschedule-booking", "surgeryOn", "2027-02-03");

        services.verify(1, postRequestedFor(urlEqualTo("/api/bookings/" + caseId + "/cancel"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken)));
        services.verify(1, postRequestedFor(urlEqualTo("/api/bookings/" + caseId + "/reschedule"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))
                .withRequestBody(equalToJson("{\"surgeryOn\":\"2027-02-03\"}")));
        assertThat(followed(cancelled, caseId)).contains("Réservation annulée par le service de voyage.");
        assertThat(followed(rescheduled, caseId)).contains("Chirurgie reportée par le service de voyage.");
    }

    @Test
    void acknowledgesAFollowUpAlertAtTheRehabService() throws Exception {
        CaseEvents patient = CaseEvents.forNewCase();
        Instant now = Instant.now();
        send(patient.event(CASE_OPENED, now.minus(Duration.ofDays(90))));
        send(patient.event(SURGERY_COMPLETED, now.minus(Duration.ofDays(30))));
        send(patient.event(FOLLOW_UP_ALERT_RAISED, now.minus(Duration.ofDays(1))));
        Http api = Http.asCoordinator(port);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(api.json("/api/cases/" + patient.caseId()).get("alerts")).hasSize(1));
        String alertId = api.json("/api/cases/" + patient.caseId()).get("alerts").get(0).get("alertId").asString();
        services.stubFor(post(urlEqualTo("/api/alerts/" + alertId + "/acknowledge")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        assertThat(page("/cases/" + patient.caseId())).contains("Prendre en charge l’alerte",
                "action=\"/cases/" + patient.caseId() + "/alerts/" + alertId + "/acknowledge\"");

        MvcResult result = act("/cases/" + patient.caseId() + "/alerts/" + alertId + "/acknowledge");

        services.verify(1, postRequestedFor(urlEqualTo("/api/alerts/" + alertId + "/acknowledge"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken)));
        assertThat(followed(result, patient.caseId())).contains("Alerte prise en charge par le service de suivi.");
    }

    @Test
    void aRefusalShowsTheServicesProblemTitleAndNothingElse() throws Exception {
        CaseEvents patient = caseAt(SURGERY_SCHEDULED, "SURGERY_SCHEDULED");
        services.stubFor(post(urlEqualTo("/api/bookings/" + patient.caseId() + "/reschedule")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"https://passerelle.ca/problems/surgery-date-in-the-past","title":"Surgery date in the past",
                         "status":422,"detail":"at java.base/Thread.run stack","instance":"/api/bookings/x/reschedule"}""")));

        MvcResult result = act("/cases/" + patient.caseId() + "/actions/reschedule-booking", "surgeryOn", "2020-01-01");

        String page = followed(result, patient.caseId());
        assertThat(page).contains("Le service a refusé l’action :", "Surgery date in the past")
                .doesNotContain("java.base", "Exception", "stack");
        assertThat(followed(result, patient.caseId(), "en")).contains("The service refused the action:", "Surgery date in the past");
    }

    @Test
    void aFailingOrSlowServiceGivesAClearMessage() throws Exception {
        CaseEvents patient = caseAt(SURGERY_SCHEDULED, "SURGERY_SCHEDULED");
        services.stubFor(post(urlEqualTo("/api/bookings/" + patient.caseId() + "/cancel")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withBody("<html>upstream java.lang.IllegalStateException</html>")));
        services.stubFor(post(urlEqualTo("/api/bookings/" + patient.caseId() + "/reschedule")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(ServiceStandIns.TIMEOUT_MILLIS + 1500)));

        String failing = followed(act("/cases/" + patient.caseId() + "/actions/cancel-booking"), patient.caseId());
        String slow = followed(act("/cases/" + patient.caseId() + "/actions/reschedule-booking", "surgeryOn", "2027-03-01"),
                patient.caseId());

        assertThat(failing).contains("Le service responsable est en erreur ; rien n’a été modifié.").doesNotContain("IllegalStateException");
        assertThat(slow).contains("Le service responsable est injoignable ou n’a pas répondu à temps");
    }

    @Test
    void withoutTheLoginsAccessTokenNothingIsCalledAndTheCoordinatorIsAskedToSignInAgain() throws Exception {
        CaseEvents patient = caseAt(SURGERY_SCHEDULED, "SURGERY_SCHEDULED");

        MvcResult result = browser.perform(MockMvcRequestBuilders.post("/cases/" + patient.caseId() + "/actions/cancel-booking")
                .with(Browser.signedIn("another-" + System.nanoTime(), "COORDINATOR")).with(csrf())).andReturn();

        assertThat(result.getFlashMap().get("actionOutcome")).isEqualTo(Outcome.failed("action.failed.signInAgain"));
        assertThat(followed(result, patient.caseId())).contains("Votre session a expiré : reconnectez-vous");
        assertThat(services.getAllServeEvents()).isEmpty();
    }

    @Test
    void actionsNeedTheCsrfTokenAndACoordinator() throws Exception {
        String caseId = CaseEvents.newCaseId();
        String route = "/cases/" + caseId + "/actions/cancel-booking";

        assertThat(browser.perform(MockMvcRequestBuilders.post(route).with(Browser.coordinator())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        for (String role : List.of("SPECIALIST", "CLINIC", "HOSPITAL", "SERVICE")) {
            assertThat(browser.perform(MockMvcRequestBuilders.post(route).with(Browser.signedIn("someone", role)).with(csrf()))
                    .andReturn().getResponse().getStatus()).as(role).isEqualTo(403);
        }
        assertThat(browser.perform(MockMvcRequestBuilders.post(route).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(302);
        assertThat(browser.perform(MockMvcRequestBuilders.post("/cases/" + caseId + "/actions/choose-option")
                .with(authentication(session))
                .with(csrf()).param("optionId", "not an id")).andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(services.getAllServeEvents()).isEmpty();
    }

    @Test
    void theEvaluationIsLeftToTheSpecialistAndThePageSaysSo() throws Exception {
        CaseEvents patient = caseAt(CONSERVATIVE_CARE_VERIFIED, "AWAITING_EVALUATION");

        assertThat(page("/cases/" + patient.caseId())).contains("Évaluation du spécialiste",
                "le modèle de sécurité la réserve aux spécialistes").doesNotContain("choose-option");
    }

    // --- helpers

    private CaseEvents caseAt(EventType<?> type, String stage) {
        CaseEvents patient = CaseEvents.forNewCase();
        Instant now = Instant.now();
        send(patient.event(CASE_OPENED, now.minusSeconds(120)));
        send(patient.event(type, now.minusSeconds(60)));
        Http api = Http.asCoordinator(port);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(api.json("/api/cases/" + patient.caseId()).get("stage").asString()).isEqualTo(stage));
        return patient;
    }

    private MvcResult act(String route, String... params) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(route);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        MvcResult result = browser.perform(request
                .with(authentication(session))
                .with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).as(route).isEqualTo(302);
        return result;
    }

    /** The case page the redirect leads to, with the flash message the action left. */
    private String followed(MvcResult result, String caseId) throws Exception {
        return followed(result, caseId, "fr");
    }

    private String followed(MvcResult result, String caseId, String lang) throws Exception {
        return browser.perform(MockMvcRequestBuilders.get("/cases/" + caseId).param("lang", lang)
                        .with(authentication(session))
                        .flashAttrs(result.getFlashMap()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(String path) throws Exception {
        MockHttpServletResponse response = browser.perform(MockMvcRequestBuilders.get(path)
                .with(authentication(session)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private void send(EventEnvelope envelope) {
        TopicProbe.send(kafka, EventCatalog.byName(envelope.type()).orElseThrow().topic(), envelope.subject(), EventCodec.write(envelope));
    }
}
