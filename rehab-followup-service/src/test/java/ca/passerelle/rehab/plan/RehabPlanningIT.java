package ca.passerelle.rehab.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ca.passerelle.rehab.plan.CaseEvents.newCaseId;
import static ca.passerelle.rehab.plan.CaseEvents.surgeryCompleted;
import static ca.passerelle.rehab.plan.CaseEvents.surgeryScheduled;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.Topics;
import ca.passerelle.events.rehab.RehabPlanCreated;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "passerelle.messaging.relay-interval=200ms")
@RealInfrastructure
class RehabPlanningIT {

    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.TRAVEL, "rehab-followup-service");

    @Autowired
    MongoTemplate mongo;
    @Autowired
    AuditTrail audit;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @LocalServerPort
    int port;

    @Test
    void plansTheRehabilitationOfACompletedSurgeryAndPublishesItOnce() {
        String caseId = newCaseId();
        TopicProbe.send(kafka, Topics.TRAVEL, caseId, EventCodec.write(surgeryCompleted(caseId, UUID.randomUUID().toString())));

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(caseId, RehabPlan.class) != null);
        RehabPlan stored = mongo.findById(caseId, RehabPlan.class);
        assertThat(stored.phases()).extracting(PlannedPhase::endsOn).map(Object::toString)
                .containsExactly("2027-02-03", "2027-03-17", "2027-05-12", "2028-01-20");

        await().atMost(Duration.ofSeconds(20)).until(() -> rehabEventsFor(caseId).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> rehabEventsFor(caseId).size() == 1);
        ConsumerRecord<String, byte[]> record = rehabEventsFor(caseId).get(0);
        EventEnvelope envelope = EventCodec.read(record.value());
        RehabPlanCreated created = EventCodec.payload(envelope, EventCatalog.REHAB_PLAN_CREATED);
        RehabPlanCreated golden = GoldenSamples.payload(EventCatalog.REHAB_PLAN_CREATED);
        assertThat(record.key()).isEqualTo(caseId);
        assertThat(envelope.source()).isEqualTo("/passerelle/rehab-followup-service");
        assertThat(envelope.subject()).isEqualTo(caseId);
        assertThat(created.category()).isEqualTo(golden.category());
        assertThat(created.rehabClinicId()).isNull();
        assertThat(created.phases()).isEqualTo(golden.phases());
        assertThat(created.checkpoints()).isEqualTo(golden.checkpoints());
        assertThat(created.createdAt()).isEqualTo(stored.createdAt());

        PlanApi.Answer answer = get("/api/rehab-plans/" + caseId);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode plan = answer.json();
        assertThat(plan.get("caseId").asString()).isEqualTo(caseId);
        assertThat(plan.get("category").asString()).isEqualTo("SIMPLE_DECOMPRESSION");
        assertThat(plan.has("rehabClinicId")).isTrue();
        assertThat(plan.get("rehabClinicId").isNull()).isTrue();
        assertThat(plan.get("createdAt").asString()).isEqualTo(created.createdAt().toString());
        JsonNode first = plan.get("phases").get(0);
        assertThat(first.get("phase").asString()).isEqualTo("INITIAL_IMMOBILISATION");
        assertThat(first.get("startsOn").asString()).isEqualTo("2027-01-20");
        assertThat(first.get("endsOn").asString()).isEqualTo("2027-02-03");
        assertThat(first.get("goal").asString()).isEqualTo("Protection du site opératoire");
        assertThat(first.get("methods").get(1).asString()).isEqualTo("Soins de plaies");
        assertThat(first.get("english").get("goal").asString()).isEqualTo("Protect the surgical site");
        assertThat(plan.get("phases").get(3).get("endsOn").asString()).isEqualTo("2028-01-20");
        assertThat(plan.get("checkpoints")).hasSize(5);
        assertThat(plan.get("checkpoints").get(2).get("dueOn").asString()).isEqualTo("2027-04-20");
        assertThat(plan.get("checkpoints").get(2).get("label").asString()).isEqualTo("Bilan à 3 mois");
        assertThat(audit.entriesAbout("case", caseId)).singleElement()
                .satisfies(entry -> assertThat(entry.action()).isEqualTo("rehab-plan.read"));
    }

    @Test
    void appliesTheSameSurgeryCompletedDeliveredTwiceOnlyOnce() {
        String caseId = newCaseId();
        byte[] event = EventCodec.write(surgeryCompleted(caseId, UUID.randomUUID().toString()));
        double duplicatesBefore = duplicates();

        TopicProbe.send(kafka, Topics.TRAVEL, caseId, event);
        TopicProbe.send(kafka, Topics.TRAVEL, caseId, event);

        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() > duplicatesBefore);
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(caseId)), RehabPlan.class)).isEqualTo(1);
        assertThat(mongo.findById(caseId, RehabPlan.class).isPlanned()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> rehabEventsFor(caseId).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> rehabEventsFor(caseId).size() == 1);
    }

    @Test
    void ignoresSurgeryScheduledWithoutErrorOrPlan() {
        String caseId = newCaseId();
        TopicProbe.send(kafka, Topics.TRAVEL, caseId, EventCodec.write(surgeryScheduled(caseId)));
        // Same key, same partition: once the SurgeryCompleted sent next is applied, the SurgeryScheduled was consumed before it.
        TopicProbe.send(kafka, Topics.TRAVEL, caseId, EventCodec.write(surgeryCompleted(caseId, UUID.randomUUID().toString())));

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(caseId, RehabPlan.class) != null);
        assertThat(TopicProbe.readAll(kafka, DEAD_LETTERS, record -> caseId.equals(record.key()))).isEmpty();
        // Read and counted as ignored (a type this service does not handle), never applied.
        assertThat(meters.find("passerelle.events.consumed").tag("type", EventCatalog.SURGERY_SCHEDULED.name())
                .tag("outcome", "applied").counters()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.find("passerelle.events.consumed")
                .tag("type", EventCatalog.SURGERY_SCHEDULED.name()).tag("outcome", "ignored").counters().stream()
                .mapToDouble(counter -> counter.count()).sum() >= 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> rehabEventsFor(caseId).size() == 1);
        assertThat(EventCodec.read(rehabEventsFor(caseId).get(0).value()).type()).isEqualTo(EventCatalog.REHAB_PLAN_CREATED.name());
    }

    @Test
    void answersNotFoundAsProblemForACaseWithoutPlan() {
        PlanApi.Answer answer = get("/api/rehab-plans/" + newCaseId());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(404);
        assertThat(answer.json().get("type").asString()).isEqualTo("https://passerelle.ca/problems/not-found");
    }

    private PlanApi.Answer get(String path) {
        return new PlanApi(port).get(path, TestTokens.coordinator());
    }

    private double duplicates() {
        return meters.find("passerelle.events.consumed").tag("outcome", "duplicate").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private List<ConsumerRecord<String, byte[]>> rehabEventsFor(String caseId) {
        return TopicProbe.readAll(kafka, Topics.REHAB, record -> caseId.equals(record.key()));
    }
}
