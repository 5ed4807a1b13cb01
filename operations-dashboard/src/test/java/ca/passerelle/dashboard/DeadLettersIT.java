package ca.passerelle.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import ca.passerelle.events.Topics;
import ca.passerelle.testinfra.TopicProbe;
import tools.jackson.databind.JsonNode;

@DashboardIntegrationTest
class DeadLettersIT {


    private static final Duration PATIENCE = Duration.ofSeconds(45);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    WebApplicationContext context;
    private MockMvc browser;

    @BeforeEach
    void setUp() {
        browser = Browser.of(context);
    }

    @Test
    void showsARecordFromAnyServicesDeadLetterTopicWithItsReason() throws Exception {
        String key = CaseEvents.newCaseId();
        String topic = Topics.deadLetter(Topics.INTAKE, "assessment-service");
        TopicProbe.send(kafka, topic, key, "{not json".getBytes(StandardCharsets.UTF_8),
                header("x-exception-message", "unreadable event: Unexpected character"),
                header("x-original-topic", Topics.INTAKE));
        Http http = Http.asCoordinator(port);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(item(http.json("/api/dead-letters"), key)).isNotNull());

        JsonNode deadLetters = http.json("/api/dead-letters");
        JsonNode item = item(deadLetters, key);
        assertThat(item.get("topic").asString()).isEqualTo("passerelle.intake.case-events.v1.assessment-service.dlq");
        assertThat(item.get("reason").asString()).isEqualTo("unreadable event: Unexpected character");
        assertThat(item.get("originalTopic").asString()).isEqualTo(Topics.INTAKE);
        assertThat(item.get("at").asString()).isNotBlank();
        assertThat(deadLetters.get("count").asLong()).isGreaterThanOrEqualTo(1);

        String page = browser.perform(get("/dead-letters").with(Browser.coordinator())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Messages en erreur (lettres mortes)", key, "passerelle.intake.case-events.v1.assessment-service.dlq",
                "unreadable event: Unexpected character", "Motif");
        assertThat(browser.perform(get("/dead-letters?lang=en").with(Browser.coordinator())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Failed messages (dead letters)", key, "Reason");
    }

    @Test
    void deadLettersAnInvalidCaseEventOfItsOwnAndShowsIt() {
        String key = CaseEvents.newCaseId();
        TopicProbe.send(kafka, Topics.REHAB, key, "{\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8));
        Http http = Http.asCoordinator(port);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(item(http.json("/api/dead-letters"), key)).isNotNull());

        JsonNode item = item(http.json("/api/dead-letters"), key);
        assertThat(item.get("topic").asString()).isEqualTo(Topics.deadLetter(Topics.REHAB, "operations-dashboard"));
        assertThat(item.get("reason").asString()).isNotBlank();
        assertThat(Http.asCoordinator(port).get("/api/cases/" + key).getStatusCode().value()).isEqualTo(404);
    }

    private static JsonNode item(JsonNode deadLetters, String key) {
        for (JsonNode item : deadLetters.get("items")) {
            if (item.path("key").isString() && key.equals(item.path("key").asString())) {
                return item;
            }
        }
        return null;
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
