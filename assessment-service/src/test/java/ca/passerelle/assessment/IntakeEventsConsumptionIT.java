package ca.passerelle.assessment;

import static ca.passerelle.assessment.CaseOpenedEvents.caseOpened;
import static ca.passerelle.assessment.CaseOpenedEvents.newCaseId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.Topics;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;
import tools.jackson.databind.node.ObjectNode;

/** Acceptance of the consumer's reliability: idempotent on event id, poison records dead-lettered with their reason. */
class IntakeEventsConsumptionIT extends ServiceIntegrationTest {

    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.INTAKE, "assessment-service");
    private static final Duration PROCESSING = Duration.ofSeconds(30);

    @Autowired
    MongoTemplate mongo;

    private Document stored(String caseId) {
        return mongo.findById(caseId, Document.class, "assessments");
    }

    @Test
    void appliesTheSameCaseOpenedDeliveredTwiceOnlyOnce() {
        String caseId = newCaseId();
        EventEnvelope event = caseOpened(caseId);
        send(caseId, event);
        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() == 1
                && stored(caseId).getList("outbox", Object.class).isEmpty());
        Document afterOneDelivery = stored(caseId);
        double duplicatesBefore = consumed("duplicate");

        send(caseId, event);

        await().atMost(PROCESSING).until(() -> consumed("duplicate") > duplicatesBefore);
        assertThat(stored(caseId)).isEqualTo(afterOneDelivery);
        assertThat(stored(caseId).getList("consumedEventIds", String.class)).containsExactly(event.id());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> publishedTypes(caseId).size() == 1);
        assertThat(publishedTypes(caseId)).containsExactly(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name());
    }

    @Test
    void deadLettersUnreadableAndSchemaInvalidRecordsWithTheReasonAndGoesOn() {
        String poisonKey = newCaseId();
        ObjectNode invalid = (ObjectNode) EventCodec.mapper().readTree(EventCodec.write(caseOpened(poisonKey)));
        ((ObjectNode) invalid.get("data")).remove("clinicId");
        String validCase = newCaseId();

        send(poisonKey, "{not json".getBytes(StandardCharsets.UTF_8));
        send(poisonKey, invalid.toString().getBytes(StandardCharsets.UTF_8));
        send(validCase, caseOpened(validCase));

        await().atMost(PROCESSING).until(() -> TopicProbe.readAll(kafka, DEAD_LETTERS, r -> poisonKey.equals(r.key())).size() == 2);
        List<String> reasons = TopicProbe.readAll(kafka, DEAD_LETTERS, r -> poisonKey.equals(r.key())).stream()
                .map(record -> TopicProbe.header(record, "x-exception-message")).toList();
        assertThat(reasons.get(0)).contains("unreadable event");
        assertThat(reasons.get(1)).contains("clinicId is required");
        await().atMost(PROCESSING).until(() -> publishedTypes(validCase).size() == 1);
        assertThat(json(get("/api/assessments/" + validCase, TestTokens.coordinator())).get("status").asString()).isEqualTo("AWAITING_EVALUATION");
        assertThat(stored(poisonKey)).isNull();
        assertThat(publishedTypes(poisonKey)).isEmpty();
    }

    @Test
    void toleratesFieldsItDoesNotKnowAddedWithinTheVersion() {
        String caseId = newCaseId();
        ObjectNode event = (ObjectNode) EventCodec.mapper().readTree(EventCodec.write(caseOpened(caseId)));
        event.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        ((ObjectNode) event.get("data")).put("referralChannel", "FAX");
        ((ObjectNode) event.get("data").get("symptoms")).put("sleepQuality", 3);

        send(caseId, event.toString().getBytes(StandardCharsets.UTF_8));

        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() == 1);
        assertThat(publishedTypes(caseId)).containsExactly(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name());
    }
}
