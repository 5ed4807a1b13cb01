package ca.passerelle.dashboard;

import static ca.passerelle.events.EventCatalog.CASE_CLOSED;
import static ca.passerelle.events.EventCatalog.CASE_OPENED;
import static ca.passerelle.events.EventCatalog.CONSENT_CHANGED;
import static ca.passerelle.events.EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT;
import static ca.passerelle.events.EventCatalog.CONSERVATIVE_CARE_SESSION_RECORDED;
import static ca.passerelle.events.EventCatalog.CONSERVATIVE_CARE_VERIFIED;
import static ca.passerelle.events.EventCatalog.DOCUMENT_ATTACHED;
import static ca.passerelle.events.EventCatalog.FOLLOW_UP_ALERT_ACKNOWLEDGED;
import static ca.passerelle.events.EventCatalog.FOLLOW_UP_ALERT_RAISED;
import static ca.passerelle.events.EventCatalog.FOLLOW_UP_RECORDED;
import static ca.passerelle.events.EventCatalog.IMAGING_RECORDED;
import static ca.passerelle.events.EventCatalog.RED_FLAG_REPORTED;
import static ca.passerelle.events.EventCatalog.REHAB_COMPLETED;
import static ca.passerelle.events.EventCatalog.REHAB_PHASE_ADVANCED;
import static ca.passerelle.events.EventCatalog.REHAB_PLAN_CREATED;
import static ca.passerelle.events.EventCatalog.SURGERY_COMPLETED;
import static ca.passerelle.events.EventCatalog.SURGERY_OPTIONS_OFFERED;
import static ca.passerelle.events.EventCatalog.SURGERY_RECOMMENDED;
import static ca.passerelle.events.EventCatalog.SURGERY_RESCHEDULED;
import static ca.passerelle.events.EventCatalog.SURGERY_SCHEDULED;
import static ca.passerelle.events.EventCatalog.SURGERY_SLOT_HELD;
import static ca.passerelle.events.EventCatalog.SYMPTOMS_REPORTED;
import static ca.passerelle.events.EventCatalog.TRAVEL_PLAN_UPDATED;
import static ca.passerelle.events.EventCatalog.URGENT_REFERRAL_REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import ca.passerelle.dashboard.cases.UrgentReferralService;
import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.EventType;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.Topics;
import ca.passerelle.events.facility.FacilityApiStatusChanged;
import ca.passerelle.platform.security.Caller;
import ca.passerelle.platform.security.Role;
import ca.passerelle.testinfra.TestInfrastructure;
import ca.passerelle.testinfra.TestIssuer;
import ca.passerelle.testinfra.TopicProbe;

/**
 * The supported rebuild ({@code --rebuild}): events projected live, then replayed from the topics into an empty database
 * by the application started in rebuild mode, give identical case summaries (with their timelines), facility statuses
 * and dead letters; afterwards the consumer group starts after what was replayed.
 */
@DashboardIntegrationTest
class RebuildIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    MongoTemplate live;
    @Autowired
    UrgentReferralService urgentReferrals;

    @Test
    void replayingTheTopicsIntoAnEmptyDatabaseGivesIdenticalProjections() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(30));
        Map<String, List<EventEnvelope>> cases = new LinkedHashMap<>();
        cases.put("whole pathway", pathway(start, CASE_OPENED, CONSERVATIVE_CARE_SESSION_RECORDED, IMAGING_RECORDED,
                SYMPTOMS_REPORTED, DOCUMENT_ATTACHED, CONSERVATIVE_CARE_INSUFFICIENT, CONSERVATIVE_CARE_VERIFIED, SURGERY_RECOMMENDED,
                SURGERY_OPTIONS_OFFERED, SURGERY_SLOT_HELD, SURGERY_SCHEDULED, TRAVEL_PLAN_UPDATED, SURGERY_RESCHEDULED,
                SURGERY_COMPLETED, REHAB_PLAN_CREATED, FOLLOW_UP_RECORDED, REHAB_PHASE_ADVANCED, FOLLOW_UP_ALERT_RAISED,
                FOLLOW_UP_ALERT_ACKNOWLEDGED, REHAB_COMPLETED));
        cases.put("back in conservative care", pathway(start, CASE_OPENED, CONSERVATIVE_CARE_SESSION_RECORDED, SYMPTOMS_REPORTED,
                CONSERVATIVE_CARE_INSUFFICIENT, CONSENT_CHANGED));
        cases.put("closed while awaiting confirmation", pathway(start, CASE_OPENED, CONSERVATIVE_CARE_VERIFIED, SURGERY_RECOMMENDED,
                SURGERY_OPTIONS_OFFERED, SURGERY_SLOT_HELD, CASE_CLOSED));
        cases.put("urgent referral", pathway(start, CASE_OPENED, RED_FLAG_REPORTED, URGENT_REFERRAL_REQUIRED));
        cases.put("urgent referral acknowledged", pathway(start, CASE_OPENED, RED_FLAG_REPORTED, URGENT_REFERRAL_REQUIRED));
        cases.put("alert open in rehabilitation", pathway(start, CASE_OPENED, SURGERY_COMPLETED, REHAB_PLAN_CREATED,
                FOLLOW_UP_RECORDED, FOLLOW_UP_ALERT_RAISED));
        List<EventEnvelope> all = new ArrayList<>();
        cases.values().forEach(all::addAll);
        Collections.shuffle(all, new Random(9));
        all.forEach(this::send);
        String dependency = "facility-api-rebuild-" + UUID.randomUUID();
        EventEnvelope facilitySample = GoldenSamples.envelope(EventCatalog.FACILITY_API_STATUS_CHANGED);
        TopicProbe.send(kafka, Topics.FACILITY_STATUS, dependency, EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(),
                facilitySample.source(), start, 1, new FacilityApiStatusChanged(dependency, "OPEN", start))));
        String invalidKey = CaseEvents.newCaseId();
        TopicProbe.send(kafka, Topics.TRAVEL, invalidKey, "{\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8));

        await().atMost(PATIENCE).untilAsserted(() -> {
            for (List<EventEnvelope> events : cases.values()) {
                Document summary = live.findById(events.get(0).subject(), Document.class, "case-summaries");
                assertThat(summary).isNotNull();
                assertThat(summary.getList("facts", Document.class)).hasSize(events.size());
            }
            assertThat(live.findById(dependency, Document.class, "facility-status")).isNotNull();
            assertThat(live.find(Query.query(Criteria.where("key").is(invalidKey)), Document.class, "dead-letters")).hasSize(1);
        });
        // a coordinator's decision, not an event: the acknowledgement must survive the rebuild
        String acknowledgedCase = cases.get("urgent referral acknowledged").get(0).subject();
        assertThat(urgentReferrals.acknowledge(new Caller("coordonnatrice", EnumSet.of(Role.COORDINATOR), Optional.empty(),
                Optional.empty()), acknowledgedCase)).hasValueSatisfying(done -> assertThat(done.now()).isTrue());

        String group = "rebuild-it-" + UUID.randomUUID();
        try (ConfigurableApplicationContext rebuilt = rebuild(group)) {
            MongoTemplate replayed = rebuilt.getBean(MongoTemplate.class);
            for (Map.Entry<String, List<EventEnvelope>> entry : cases.entrySet()) {
                String caseId = entry.getValue().get(0).subject();
                Document expected = comparable(live.findById(caseId, Document.class, "case-summaries"));
                Document actual = comparable(replayed.findById(caseId, Document.class, "case-summaries"));
                assertThat(actual).as(entry.getKey()).isEqualTo(expected);
                assertThat(actual.getList("facts", Document.class)).as(entry.getKey()).hasSize(entry.getValue().size());
            }
            Document rebuiltAcknowledged = replayed.findById(acknowledgedCase, Document.class, "case-summaries");
            assertThat(rebuiltAcknowledged.getBoolean("urgentReferralOpen")).isFalse();
            assertThat(rebuiltAcknowledged.getList("alerts", Document.class)).singleElement().satisfies(alert -> {
                assertThat(alert.getString("owner")).isEqualTo("DASHBOARD");
                assertThat(alert.getString("acknowledgedBy")).isEqualTo("coordonnatrice");
                assertThat(alert.getList("redFlags", String.class)).containsExactly("CAUDA_EQUINA");
            });
            Document rebuiltOpen = replayed.findById(cases.get("urgent referral").get(0).subject(), Document.class, "case-summaries");
            assertThat(rebuiltOpen.getBoolean("urgentReferralOpen")).as("the alert is reproduced, open").isTrue();
            assertThat(withoutTrace(replayed.findById(dependency, Document.class, "facility-status")))
                    .isEqualTo(withoutTrace(live.findById(dependency, Document.class, "facility-status")));
            Query deadLetter = Query.query(Criteria.where("key").is(invalidKey));
            assertThat(replayed.find(deadLetter, Document.class, "dead-letters").stream().map(RebuildIT::withoutTrace).toList())
                    .isEqualTo(live.find(deadLetter, Document.class, "dead-letters").stream().map(RebuildIT::withoutTrace).toList())
                    .hasSize(1);
            // nothing but the replay wrote there: no summary for the invalid event
            assertThat(replayed.findById(invalidKey, Document.class, "case-summaries")).isNull();
        }

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            long committedOnTravel = committed.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.TRAVEL))
                    .mapToLong(e -> e.getValue().offset()).sum();
            assertThat(committed.keySet()).extracting(TopicPartition::topic)
                    .contains(Topics.INTAKE, Topics.ASSESSMENT, Topics.TRAVEL, Topics.REHAB, Topics.FACILITY_STATUS,
                            Topics.deadLetter(Topics.TRAVEL, "operations-dashboard"));
            assertThat(committedOnTravel).as("the group starts after every travel record replayed")
                    .isGreaterThanOrEqualTo(all.stream().filter(e -> topic(e).equals(Topics.TRAVEL)).count() + 1);
        }
    }

    @Test
    void refusesToRebuildWhileTheDashboardIsConsuming() {
        // the running test application is a live member of the group "operations-dashboard"
        assertThatThrownBy(() -> rebuild("operations-dashboard").close())
                .hasStackTraceContaining("has live members: stop the dashboard before rebuilding");
    }

    private ConfigurableApplicationContext rebuild(String group) {
        String database = "operations-dashboard-rebuild-" + UUID.randomUUID();
        // moving to a new database takes the dashboard's own records along (in place, the rebuild leaves them alone):
        // here the coordinators' urgent-referral acknowledgements
        try (MongoClient client = MongoClients.create(TestInfrastructure.servers().mongoUri(database))) {
            List<Document> acknowledgements = live.findAll(Document.class, "urgent-referral-acknowledgements");
            if (!acknowledgements.isEmpty()) {
                client.getDatabase(database).getCollection("urgent-referral-acknowledgements").insertMany(acknowledgements);
            }
        }
        return OperationsDashboardApplication.application(true).run("--rebuild",
                "--spring.mongodb.uri=" + TestInfrastructure.servers().mongoUri(database),
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka,
                "--passerelle.security.issuer=" + TestIssuer.get().issuer(),
                "--spring.cloud.stream.default.group=" + group);
    }

    /**
     * The document without the platform's trace bookkeeping, which is not a projection: {@code caseTraceparent} is the
     * trace the live consumer happened to handle the document's first event in (a fresh trace id each time), and the
     * rebuild replays outside any live trace.
     */
    private static Document withoutTrace(Document document) {
        assertThat(document).isNotNull();
        Document copy = new Document(document);
        copy.remove("caseTraceparent");
        return copy;
    }

    /**
     * The document without what depends on arrival order (the consumed event ids as a sorted list) nor the trace, nor
     * the optimistic-locking version (a coordinator's acknowledgement is one more write of the live document).
     */
    private static Document comparable(Document summary) {
        Document copy = withoutTrace(summary);
        copy.remove("version");
        List<String> consumed = new ArrayList<>(summary.getList("consumedEventIds", String.class));
        Collections.sort(consumed);
        copy.put("consumedEventIds", consumed);
        return copy;
    }

    private List<EventEnvelope> pathway(Instant start, EventType<?>... types) {
        CaseEvents events = CaseEvents.forNewCase();
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            envelopes.add(events.event(types[i], start.plus(Duration.ofHours(i))));
        }
        return envelopes;
    }

    private static String topic(EventEnvelope envelope) {
        return EventCatalog.byName(envelope.type()).orElseThrow().topic();
    }

    private void send(EventEnvelope envelope) {
        TopicProbe.send(kafka, topic(envelope), envelope.subject(), EventCodec.write(envelope));
    }
}
