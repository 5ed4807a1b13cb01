package ca.passerelle.dashboard;

import static ca.passerelle.events.EventCatalog.CASE_OPENED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

import ca.passerelle.dashboard.deadletters.DeadLetterService;
import ca.passerelle.dashboard.deadletters.DeadLetterService.ReplayOutcome;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.Topics;
import ca.passerelle.platform.audit.AuditEntry;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.testinfra.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * Replaying a dead letter after a fix, through the real broker: the original record (key, value, headers minus the
 * dead-lettering's) is published again to its original topic, the consumers process it (here the dashboard itself
 * projects the case), the replay is in the audit trail (who, when, which dead letter) and marked on the dead letter; a
 * second replay publishes nothing.
 */
@DashboardIntegrationTest
class DeadLetterReplayIT {

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
    void replaysTheOriginalRecordToItsTopicOnceAndAuditsIt() throws Exception {
        // assessment-service could not process this case opening (say, a bug since fixed) and dead-lettered it
        CaseEvents patient = CaseEvents.forNewCase();
        byte[] value = EventCodec.write(patient.event(CASE_OPENED, Instant.now().minusSeconds(30)));
        String dlq = Topics.deadLetter(Topics.INTAKE, "assessment-service");
        TopicProbe.send(kafka, dlq, patient.caseId(), value,
                header("x-exception-message", "a bug since fixed"),
                header("x-exception-fqcn", "java.lang.IllegalStateException"),
                header("x-exception-stacktrace", "java.lang.IllegalStateException: at ca.passerelle…"),
                header("x-original-topic", Topics.INTAKE),
                header("x-original-partition", "0"),
                header("kafka_dlt-exception-cause-fqcn", "java.lang.IllegalStateException"),
                header("x-passerelle-trace", "trace-1"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(item(patient.caseId())).isNotNull());
        assertThat(api.get("/api/cases/" + patient.caseId()).getStatusCode().value()).isEqualTo(404);
        String id = item(patient.caseId()).get("id").asString();
        assertThat(item(patient.caseId()).get("replayedAt").isNull()).isTrue();
        assertThat(page()).contains("action=\"/dead-letters/" + id + "/replay\"", "Relancer");

        MvcResult replayed = replay(id);

        assertThat(replayed.getResponse().getRedirectedUrl()).isEqualTo("/dead-letters");
        assertThat(replayed.getFlashMap().get("replayOutcome")).isEqualTo(ReplayOutcome.REPLAYED);
        List<ConsumerRecord<String, byte[]>> republished = TopicProbe.readAll(kafka, Topics.INTAKE,
                record -> patient.caseId().equals(record.key()));
        assertThat(republished).hasSize(1);
        ConsumerRecord<String, byte[]> record = republished.get(0);
        assertThat(record.value()).isEqualTo(value);
        assertThat(TopicProbe.header(record, "x-passerelle-trace")).isEqualTo("trace-1");
        assertThat(TopicProbe.header(record, "x-passerelle-replay-of")).isEqualTo(id);
        assertThat(StreamSupport.stream(record.headers().spliterator(), false).map(Header::key))
                .noneMatch(name -> name.startsWith("x-exception-") || name.startsWith("x-original-") || name.startsWith("kafka_dlt-"));
        // the consumers take it as if it had just been published: the dashboard projects the case
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(api.json("/api/cases/" + patient.caseId()).get("stage").asString()).isEqualTo("TRIAGE"));

        List<AuditEntry> entries = audit.entriesAbout(DeadLetterService.RESOURCE_TYPE, id);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("coordonnatrice");
            assertThat(entry.action()).isEqualTo(DeadLetterService.REPLAY_ACTION);
            assertThat(entry.roles()).containsExactly("COORDINATOR");
            assertThat(entry.at()).isNotNull();
            assertThat(entry.purpose()).contains(Topics.INTAKE);
        });
        JsonNode item = item(patient.caseId());
        assertThat(item.get("replayedBy").asString()).isEqualTo("coordonnatrice");
        assertThat(item.get("replayedAt").asString()).isNotBlank();
        String page = page();
        assertThat(page).contains("par coordonnatrice").doesNotContain("action=\"/dead-letters/" + id + "/replay\"");

        // twice: refused, nothing published again, nothing audited again
        MvcResult again = replay(id);

        assertThat(again.getFlashMap().get("replayOutcome")).isEqualTo(ReplayOutcome.ALREADY_REPLAYED);
        assertThat(browser.perform(get("/dead-letters").with(Browser.coordinator()).flashAttrs(again.getFlashMap())).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Ce message a déjà été relancé ; il n’a pas été republié.");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> TopicProbe.readAll(kafka, Topics.INTAKE, r -> patient.caseId().equals(r.key())).size() == 1);
        assertThat(audit.entriesAbout(DeadLetterService.RESOURCE_TYPE, id)).hasSize(1);
    }

    @Test
    void aDeadLetterWithoutItsOriginalTopicCannotBeReplayed() throws Exception {
        String key = CaseEvents.newCaseId();
        TopicProbe.send(kafka, Topics.deadLetter(Topics.TRAVEL, "rehab-followup-service"), key, "{}".getBytes(StandardCharsets.UTF_8),
                header("x-exception-message", "no original topic header"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(item(key)).isNotNull());
        String id = item(key).get("id").asString();
        assertThat(page()).doesNotContain("action=\"/dead-letters/" + id + "/replay\"");

        assertThat(replay(id).getFlashMap().get("replayOutcome")).isEqualTo(ReplayOutcome.NO_ORIGINAL_TOPIC);
        assertThat(replay("passerelle.nothing.dlq:0:12345").getFlashMap().get("replayOutcome")).isEqualTo(ReplayOutcome.UNKNOWN);
        assertThat(audit.entriesAbout(DeadLetterService.RESOURCE_TYPE, id)).isEmpty();
    }

    @Test
    void replayNeedsACoordinatorAndTheCsrfToken() throws Exception {
        String route = "/dead-letters/passerelle.nothing.dlq:0:1/replay";

        assertThat(browser.perform(post(route).with(Browser.coordinator())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(browser.perform(post(route).with(Browser.signedIn("someone", "SPECIALIST")).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(browser.perform(post(route).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(browser.perform(post("/dead-letters/{id}/replay", "not-an-id").with(Browser.coordinator()).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(400);
    }

    private MvcResult replay(String id) throws Exception {
        MvcResult result = browser.perform(post("/dead-letters/{id}/replay", id).with(Browser.coordinator()).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        return result;
    }

    private String page() throws Exception {
        return browser.perform(get("/dead-letters").with(Browser.coordinator())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private JsonNode item(String key) {
        for (JsonNode item : api.json("/api/dead-letters").get("items")) {
            if (item.path("key").isString() && key.equals(item.path("key").asString())) {
                return item;
            }
        }
        return null;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
