package ca.passerelle.dashboard;

import static ca.passerelle.events.EventCatalog.CASE_OPENED;
import static ca.passerelle.events.EventCatalog.URGENT_REFERRAL_REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

import ca.passerelle.dashboard.actions.web.Outcome;
import ca.passerelle.dashboard.cases.UrgentReferralService;
import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.platform.audit.AuditEntry;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.testinfra.TestIssuer;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * The urgent alert of a red-flag case, through the real broker: {@code UrgentReferralRequired} on the assessment topic
 * → an open URGENT alert naming the flag codes, in the API, in the URGENT_REFERRALS queue, on the overview and on the
 * French case page with the acknowledge button; a coordinator acknowledges it (API or page) → out of the queue, kept
 * on the case with who and when, one audit entry; again → nothing changes; other roles → 403; unknown case → 404.
 */
@DashboardIntegrationTest
class UrgentReferralAlertIT {

    private static final Duration PATIENCE = Duration.ofSeconds(45);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    WebApplicationContext context;
    @Autowired
    AuditTrail audit;

    private MockMvc browser;
    private Http api;

    @BeforeEach
    void setUp() {
        browser = Browser.of(context);
        api = Http.asCoordinator(port);
    }

    @Test
    void aRedFlagRaisesAnUrgentAlertThatACoordinatorAcknowledgesOnceThroughTheApi() throws Exception {
        CaseEvents patient = aRedFlagCase();
        String caseId = patient.caseId();
        String acknowledge = "/api/cases/" + caseId + "/urgent-referral/acknowledge";

        JsonNode alert = urgentAlert(api.json("/api/cases/" + caseId));
        assertThat(alert.get("severity").asString()).isEqualTo("URGENT");
        assertThat(alert.get("open").asBoolean()).isTrue();
        assertThat(alert.get("reason").asString()).isEqualTo("Orientation urgente : signaux d’alarme CAUDA_EQUINA");
        assertThat(alert.get("redFlags").get(0).asString()).isEqualTo("CAUDA_EQUINA");
        assertThat(alert.get("acknowledgedBy").isNull()).isTrue();
        JsonNode summary = api.json("/api/cases/" + caseId);
        assertThat(summary.get("terminal").asBoolean()).isTrue();
        assertThat(summary.get("terminalReason").asString()).isEqualTo("URGENT_REFERRAL");
        assertThat(summary.get("blockers").get(0).get("kind").asString()).isEqualTo("URGENT_REFERRAL_TO_ACKNOWLEDGE");
        assertThat(queue()).contains(caseId);
        String overview = page("/");
        assertThat(overview).contains("Orientations urgentes à prendre en charge", "id=\"urgent-referral-count\"");

        // not a coordinator: refused, nothing acknowledged
        for (String token : List.of(TestTokens.specialist(), TestTokens.clinic("clinic-qc-laval-01"), TestTokens.service("operations-dashboard"))) {
            ResponseEntity<String> refused = Http.withToken(port, token).post(acknowledge);
            assertThat(refused.getStatusCode().value()).isEqualTo(403);
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        }
        assertThat(Http.anonymous(port).post(acknowledge).getStatusCode().value()).isEqualTo(401);
        assertThat(urgentAlert(api.json("/api/cases/" + caseId)).get("open").asBoolean()).isTrue();
        assertThat(audit.entriesAbout(UrgentReferralService.RESOURCE_TYPE, caseId)).isEmpty();

        ResponseEntity<String> acknowledged = api.post(acknowledge);

        assertThat(acknowledged.getStatusCode().value()).isEqualTo(200);
        JsonNode answer = EventCodec.mapper().readTree(acknowledged.getBody());
        assertThat(answer.get("open").asBoolean()).isFalse();
        assertThat(answer.get("acknowledgedBy").asString()).isEqualTo("coordonnatrice");
        String acknowledgedAt = answer.get("acknowledgedAt").asString();
        assertThat(acknowledgedAt).isNotBlank();
        // gone from the queue, kept in the case's history with who and when
        assertThat(queue()).doesNotContain(caseId);
        JsonNode kept = urgentAlert(api.json("/api/cases/" + caseId));
        assertThat(kept.get("open").asBoolean()).isFalse();
        assertThat(kept.get("acknowledgedBy").asString()).isEqualTo("coordonnatrice");
        assertThat(kept.get("acknowledgedAt").asString()).isEqualTo(acknowledgedAt);
        assertThat(kept.get("redFlags").get(0).asString()).isEqualTo("CAUDA_EQUINA");
        assertThat(api.json("/api/cases/" + caseId).get("blockers").isEmpty()).isTrue();
        List<AuditEntry> entries = audit.entriesAbout(UrgentReferralService.RESOURCE_TYPE, caseId);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("coordonnatrice");
            assertThat(entry.action()).isEqualTo(UrgentReferralService.ACKNOWLEDGE_ACTION);
            assertThat(entry.roles()).containsExactly("COORDINATOR");
            assertThat(entry.at()).isNotNull();
            assertThat(entry.purpose()).isEqualTo(UrgentReferralService.PURPOSE).doesNotContain("CAUDA");
        });

        // twice, even by another coordinator: the same answer, nothing changes, nothing audited again
        String before = api.get("/api/cases/" + caseId).getBody();
        ResponseEntity<String> again = Http.withToken(port, TestIssuer.get().token("coordonnateur-2", List.of("COORDINATOR"), Map.of())).post(acknowledge);

        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(EventCodec.mapper().readTree(again.getBody())).isEqualTo(answer);
        assertThat(api.get("/api/cases/" + caseId).getBody()).isEqualTo(before);
        assertThat(audit.entriesAbout(UrgentReferralService.RESOURCE_TYPE, caseId)).hasSize(1);

        // a later referral (another event) raises nothing new and does not reopen the acknowledged alert
        send(patient.event(URGENT_REFERRAL_REQUIRED, Instant.now()));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode alerts = api.json("/api/cases/" + caseId).get("alerts");
            assertThat(alerts.size()).isEqualTo(1);
            assertThat(alerts.get(0).get("open").asBoolean()).isFalse();
        });
        assertThat(queue()).doesNotContain(caseId);
    }

    @Test
    void anUnknownCaseOrACaseWithoutRedFlagAnswers404() throws Exception {
        ResponseEntity<String> unknown = api.post("/api/cases/c-nothing-here/urgent-referral/acknowledge");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");

        CaseEvents plain = CaseEvents.forNewCase();
        send(plain.event(CASE_OPENED, Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(api.get("/api/cases/" + plain.caseId()).getStatusCode().value()).isEqualTo(200));
        ResponseEntity<String> none = api.post("/api/cases/" + plain.caseId() + "/urgent-referral/acknowledge");
        assertThat(none.getStatusCode().value()).isEqualTo(404);
        assertThat(none.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(audit.entriesAbout(UrgentReferralService.RESOURCE_TYPE, plain.caseId())).isEmpty();
    }

    @Test
    void theFrenchCasePageShowsTheAlertWhatToDoAndTheButtonWhichAcknowledgesIt() throws Exception {
        String caseId = aRedFlagCase().caseId();

        String page = page("/cases/" + caseId);

        assertThat(page).contains("<html lang=\"fr\"", "Orientation urgente",
                "Orientez le patient vers les soins urgents au Québec ; le parcours de tourisme médical est arrêté.",
                "Syndrome de la queue de cheval", "CAUDA_EQUINA", "À prendre en charge",
                "action=\"/cases/" + caseId + "/urgent-referral/acknowledge\"", "Prendre en charge l’orientation urgente")
                .doesNotContain("action=\"/cases/" + caseId + "/alerts/urgent-referral/acknowledge\"");
        assertThat(page("/queues")).contains("Orientations urgentes à prendre en charge", caseId);
        assertThat(page("/cases/" + caseId + "?lang=en")).contains("Orient the patient to urgent care in Québec",
                "Acknowledge the urgent referral", "Cauda equina syndrome");

        // the form needs the session's CSRF token and a coordinator
        String form = "/cases/" + caseId + "/urgent-referral/acknowledge";
        assertThat(browser.perform(post(form).with(Browser.coordinator())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(browser.perform(post(form).with(csrf()).with(Browser.signedIn("someone", "SPECIALIST"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(urgentAlert(api.json("/api/cases/" + caseId)).get("open").asBoolean()).isTrue();

        MvcResult done = browser.perform(post(form).with(csrf()).with(Browser.coordinator())).andReturn();

        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + caseId);
        assertThat(((Outcome) done.getFlashMap().get("actionOutcome")).messageKey()).isEqualTo("action.done.urgentReferral");
        String after = body(browser.perform(get("/cases/" + caseId).with(Browser.coordinator()).flashAttrs(done.getFlashMap()))
                .andReturn().getResponse());
        assertThat(after).contains("Orientation urgente prise en charge", "Prise en charge le", "par coordonnatrice",
                "CAUDA_EQUINA").doesNotContain("action=\"/cases/" + caseId + "/urgent-referral/acknowledge\"");
        assertThat(audit.entriesAbout(UrgentReferralService.RESOURCE_TYPE, caseId)).hasSize(1);

        MvcResult again = browser.perform(post(form).with(csrf()).with(Browser.coordinator())).andReturn();
        assertThat(((Outcome) again.getFlashMap().get("actionOutcome")).messageKey()).isEqualTo("action.already.urgentReferral");
        assertThat(audit.entriesAbout(UrgentReferralService.RESOURCE_TYPE, caseId)).hasSize(1);
    }

    private CaseEvents aRedFlagCase() {
        CaseEvents patient = CaseEvents.forNewCase();
        Instant now = Instant.now();
        send(patient.event(CASE_OPENED, now.minusSeconds(60)));
        EventEnvelope referral = patient.event(URGENT_REFERRAL_REQUIRED, now);
        send(referral);
        send(referral); // delivered twice: one alert
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(urgentAlert(api.json("/api/cases/" + patient.caseId()))).isNotNull());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.json("/api/cases/" + patient.caseId()).get("alerts").size()).isEqualTo(1));
        return patient;
    }

    private static JsonNode urgentAlert(JsonNode summary) {
        return StreamSupport.stream(summary.get("alerts").spliterator(), false)
                .filter(alert -> !alert.get("kind").isNull() && "URGENT_REFERRAL".equals(alert.get("kind").asString()))
                .findFirst().orElse(null);
    }

    private String queue() {
        return api.get("/api/cases?queue=URGENT_REFERRALS&size=100").getBody();
    }

    private String page(String path) throws Exception {
        MockHttpServletResponse response = browser.perform(get(path).with(Browser.coordinator())).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return body(response);
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private void send(EventEnvelope envelope) {
        TopicProbe.send(kafka, EventCatalog.byName(envelope.type()).orElseThrow().topic(), envelope.subject(),
                EventCodec.write(envelope));
    }
}
