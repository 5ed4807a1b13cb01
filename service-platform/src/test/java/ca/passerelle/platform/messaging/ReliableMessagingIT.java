package ca.passerelle.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.result.UpdateResult;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.Topics;
import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.node.ObjectNode;

@SpringBootTest(properties = {
        "spring.application.name=platform-test",
        "spring.cloud.function.definition=intakeEvents",
        "spring.cloud.stream.bindings.intakeEvents-in-0.destination=" + Topics.INTAKE,
        "passerelle.messaging.relay-interval=200ms"})
@RealInfrastructure
class ReliableMessagingIT {

    private static final String PAYLOAD_CANARY = "CANARY-PAYLOAD-Bouchard-BOUM09876543";
    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.INTAKE, "platform-test");

    @Autowired
    AggregateStore store;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Test
    void publishesRaisedEventsKeyedByCaseIdOnceTheBrokerAcknowledges() {
        String caseId = newCaseId();
        Screening screening = new Screening(caseId);
        screening.rescreen(Instant.parse("2026-11-02T14:05:00Z"));
        store.insert(screening);

        await().atMost(Duration.ofSeconds(20)).until(() -> recordsFor(Topics.ASSESSMENT, caseId).size() == 1);

        ConsumerRecord<String, byte[]> record = recordsFor(Topics.ASSESSMENT, caseId).get(0);
        EventEnvelope envelope = EventCodec.read(record.value());
        assertThat(record.key()).isEqualTo(caseId);
        assertThat(TopicProbe.header(record, "content-type")).isEqualTo(EventEnvelope.STRUCTURED_CONTENT_TYPE);
        assertThat(envelope.type()).isEqualTo(EventCatalog.URGENT_REFERRAL_REQUIRED.name());
        assertThat(envelope.source()).isEqualTo("/passerelle/platform-test");
        assertThat(envelope.subject()).isEqualTo(caseId);
        assertThat(envelope.sequence()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> mongo.findById(caseId, Screening.class).pendingEvents().isEmpty());
    }

    @Test
    void keepsEventsWhileTheRelayIsStoppedAndPublishesThemExactlyOnceAfter() {
        String caseId = newCaseId();
        relay.pause();
        try {
            Screening screening = new Screening(caseId);
            screening.rescreen(Instant.now());
            store.insert(screening);
            store.update(Screening.class, caseId, again -> again.rescreen(Instant.now()));

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> recordsFor(Topics.ASSESSMENT, caseId).isEmpty());
            assertThat(mongo.findById(caseId, Screening.class).pendingEvents()).hasSize(2);
        } finally {
            relay.resume();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> recordsFor(Topics.ASSESSMENT, caseId).size() >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> recordsFor(Topics.ASSESSMENT, caseId).size() == 2);
        List<Long> sequences = recordsFor(Topics.ASSESSMENT, caseId).stream()
                .map(record -> EventCodec.read(record.value()).sequence()).toList();
        assertThat(sequences).containsExactly(1L, 2L);
        assertThat(mongo.findById(caseId, Screening.class).pendingEvents()).isEmpty();
    }

    @Test
    void aDatabaseFailureAfterTheBrokerAcknowledgedDoesNotPublishTheEventTwice() {
        String caseId = newCaseId();
        relay.pause();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(config);
        AtomicInteger failuresLeft = new AtomicInteger(1);
        MongoTemplate unreliable = new MongoTemplate(mongo.getMongoDatabaseFactory(), mongo.getConverter()) {
            @Override
            public UpdateResult updateFirst(Query query, UpdateDefinition update, String collectionName) {
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new DataAccessResourceFailureException("database unreachable (test)");
                }
                return super.updateFirst(query, update, collectionName);
            }
        };
        try {
            Screening screening = new Screening(caseId);
            screening.rescreen(Instant.now());
            store.insert(screening);
            OutboxRelay failing = new OutboxRelay(unreliable, new KafkaTemplate<>(producers),
                    new MessagingProperties("/passerelle/platform-test", Duration.ofSeconds(1), 100, Duration.ofSeconds(10), false),
                    List.of("screenings"), new SimpleMeterRegistry());

            assertThatThrownBy(failing::relayOnce).isInstanceOf(DataAccessResourceFailureException.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> recordsFor(Topics.ASSESSMENT, caseId).size() == 1);
            assertThat(mongo.findById(caseId, Screening.class).pendingEvents()).as("still in the document").hasSize(1);

            assertThat(failing.relayOnce()).as("events sent on the second pass").isZero();
            assertThat(mongo.findById(caseId, Screening.class).pendingEvents()).isEmpty();
            assertThat(failing.acknowledgedNotRemoved()).isEmpty();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> recordsFor(Topics.ASSESSMENT, caseId).size() == 1);
        } finally {
            producers.destroy();
            relay.resume();
        }
    }

    @Test
    void aDocumentNamedByItsWriteIsPublishedByIdWithoutAPassOverItsCollection() {
        // A collection of its own, which the application's relay does not serve: only this relay publishes from it.
        String collection = "screenings-relayed-by-id";
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(config);
        OutboxRelay own = new OutboxRelay(mongo, new KafkaTemplate<>(producers),
                new MessagingProperties("/passerelle/platform-test", Duration.ofSeconds(1), 100, Duration.ofSeconds(10), false),
                List.of(collection), new SimpleMeterRegistry());
        try {
            Screening named = new Screening(newCaseId());
            named.rescreen(Instant.now());
            mongo.insert(named, collection);
            Screening unnamed = new Screening(newCaseId());
            unnamed.rescreen(Instant.now());
            mongo.insert(unnamed, collection);

            own.wakeUp(collection, named.caseId());
            own.wakeUp(collection, named.caseId());
            own.wakeUp("another-service-collection", unnamed.caseId());

            assertThat(own.relayWritten()).as("events sent for the named document, once though named twice").isEqualTo(1);
            assertThat(mongo.findById(named.caseId(), Screening.class, collection).pendingEvents()).isEmpty();
            assertThat(mongo.findById(unnamed.caseId(), Screening.class, collection).pendingEvents())
                    .as("not named: left to the periodic pass").hasSize(1);
            assertThat(own.relayWritten()).as("nothing named since").isZero();
            assertThat(own.relayOnce()).as("the pass over the collection finds the other").isEqualTo(1);
            assertThat(mongo.findById(unnamed.caseId(), Screening.class, collection).pendingEvents()).isEmpty();
            await().atMost(Duration.ofSeconds(20)).until(() -> recordsFor(Topics.ASSESSMENT, unnamed.caseId()).size() == 1);
            assertThat(recordsFor(Topics.ASSESSMENT, named.caseId())).as("published once").hasSize(1);
            assertThat(recordsFor(Topics.ASSESSMENT, unnamed.caseId())).as("published once").hasSize(1);
        } finally {
            producers.destroy();
        }
    }

    @Test
    void twoInstancesRelayingTheSameOutboxesPublishEachEventOnce() throws Exception {
        relay.pause();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(config);
        MessagingProperties properties = new MessagingProperties("/passerelle/platform-test", Duration.ofSeconds(1), 100,
                Duration.ofSeconds(10), false);
        List<OutboxRelay> instances = List.of(
                new OutboxRelay(mongo, new KafkaTemplate<>(producers), properties, List.of("screenings"), new SimpleMeterRegistry()),
                new OutboxRelay(mongo, new KafkaTemplate<>(producers), properties, List.of("screenings"), new SimpleMeterRegistry()));
        List<String> caseIds = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 30; i++) {
                Screening screening = new Screening(newCaseId());
                screening.rescreen(Instant.now());
                screening.rescreen(Instant.now());
                store.insert(screening);
                caseIds.add(screening.caseId());
            }
            int published = 0;
            for (int pass = 0; pass < 20 && published < 60; pass++) {
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<Integer>> passes = instances.stream()
                        .map(instance -> threads.submit(() -> {
                            together.await();
                            return instance.relayOnce();
                        })).toList();
                for (java.util.concurrent.Future<Integer> one : passes) {
                    published += one.get();
                }
            }

            assertThat(published).as("events the two relays sent between them").isEqualTo(60);
            for (String caseId : caseIds) {
                assertThat(mongo.findById(caseId, Screening.class).pendingEvents()).isEmpty();
                assertThat(recordsFor(Topics.ASSESSMENT, caseId)).extracting(record -> EventCodec.read(record.value()).sequence())
                        .as("each event of " + caseId + " once, in order").containsExactly(1L, 2L);
            }
            assertThat(mongo.findById(caseIds.get(0), org.bson.Document.class, "screenings")).doesNotContainKeys(
                    OutboxRelay.LEASE_UNTIL, OutboxRelay.LEASE_OWNER);
        } finally {
            threads.shutdownNow();
            producers.destroy();
            relay.resume();
        }
    }

    @Test
    void appliesTheSameEventDeliveredTwiceOnlyOnce() {
        String caseId = newCaseId();
        byte[] event = EventCodec.write(caseOpened(caseId, UUID.randomUUID().toString()));
        double duplicatesBefore = duplicates();

        TopicProbe.send(kafka, Topics.INTAKE, caseId, event);
        TopicProbe.send(kafka, Topics.INTAKE, caseId, event);

        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() > duplicatesBefore);
        assertThat(mongo.findById(caseId, Screening.class).screenings()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> recordsFor(Topics.ASSESSMENT, caseId).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> recordsFor(Topics.ASSESSMENT, caseId).size() == 1);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void deadLettersUnreadableAndSchemaInvalidRecordsWithTheReasonAndGoesOn(CapturedOutput output) {
        String poisonKey = newCaseId();
        ObjectNode invalid = (ObjectNode) EventCodec.mapper().readTree(EventCodec.write(caseOpened(poisonKey, UUID.randomUUID().toString())));
        ((ObjectNode) invalid.get("data")).remove("clinicId");
        String validCase = newCaseId();

        TopicProbe.send(kafka, Topics.INTAKE, poisonKey, ("{not json " + PAYLOAD_CANARY).getBytes(StandardCharsets.UTF_8));
        TopicProbe.send(kafka, Topics.INTAKE, poisonKey, invalid.toString().getBytes(StandardCharsets.UTF_8));
        TopicProbe.send(kafka, Topics.INTAKE, validCase, EventCodec.write(caseOpened(validCase, UUID.randomUUID().toString())));

        await().atMost(Duration.ofSeconds(30)).until(() -> TopicProbe.readAll(kafka, DEAD_LETTERS, r -> poisonKey.equals(r.key())).size() == 2);
        List<String> reasons = TopicProbe.readAll(kafka, DEAD_LETTERS, r -> poisonKey.equals(r.key())).stream()
                .map(record -> TopicProbe.header(record, "x-exception-message")).toList();
        assertThat(reasons.get(0)).contains("unreadable event");
        assertThat(reasons.get(1)).contains("clinicId is required");
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(validCase, Screening.class) != null);
        assertThat(mongo.findById(poisonKey, Screening.class)).isNull();
        // Record-metadata-only logging: whatever was logged about the poison records names them, never their content.
        assertThat(output).doesNotContain(PAYLOAD_CANARY);
        // The failure is logged with the record's topic, partition and offset, the payload only as its length.
        assertThat(output).contains("kafka_receivedTopic=" + Topics.INTAKE).contains("kafka_receivedPartitionId=")
                .contains("kafka_offset=").containsPattern("payload=byte\\[\\d+]");
    }

    private double duplicates() {
        return meters.find("passerelle.events.consumed").tag("outcome", "duplicate").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private List<ConsumerRecord<String, byte[]>> recordsFor(String topic, String caseId) {
        return TopicProbe.readAll(kafka, topic, record -> caseId.equals(record.key()));
    }

    private static EventEnvelope caseOpened(String caseId, String eventId) {
        CaseOpened sample = GoldenSamples.payload(EventCatalog.CASE_OPENED);
        CaseOpened opened = new CaseOpened(caseId, sample.clinicId(), sample.openedAt(), sample.diagnosisCode(), sample.ageYears(),
                sample.homeRegion(), sample.preferredLanguage(), sample.priorSurgeries(), sample.symptoms(), sample.redFlags(),
                sample.imaging(), sample.conservativeCare(), sample.consents());
        return EventCodec.envelope(eventId, "/passerelle/intake-service", Instant.now(), 1, opened);
    }

    private static String newCaseId() {
        return "c-" + UUID.randomUUID();
    }
}
