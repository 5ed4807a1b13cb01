package ca.passerelle.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.Topics;
import ca.passerelle.testinfra.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * The whole system as the README's run command starts it: a Kafka broker process, the MongoDB wire-protocol server,
 * the simulator and every service as their own processes. Then one case through the whole pathway, and the outbox
 * across a broker that is killed and restarted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final Duration STEP = Duration.ofSeconds(90);

    private LocalStack stack;
    private PathwayClient client;
    private MongoClient mongo;
    private final ByteArrayOutputStream banner = new ByteArrayOutputStream();
    private long readyMillis;

    @BeforeAll
    void startTheStack() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path dataDir = Files.createDirectories(Path.of("target", "it-stack-" + System.currentTimeMillis()));
        long started = System.nanoTime();
        stack = new LocalStack(root, dataDir, Ports.free());
        stack.start();
        readyMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        stack.printBanner(new PrintStream(banner, true, StandardCharsets.UTF_8), Duration.ofMillis(readyMillis));
        client = new PathwayClient(stack);
        mongo = MongoClients.create(stack.mongoUri(""));
    }

    @AfterAll
    void stopTheStack() {
        if (mongo != null) {
            mongo.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyServiceReportsHealthyAndTheBannerPrintsTheUrls() {
        Map<Component, String> health = stack.healthOfAll();

        assertThat(health).hasSize(Component.values().length).allSatisfy((component, state) -> assertThat(state).isEqualTo("UP"));
        String printed = banner.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Operations dashboard   " + stack.baseUrl(Component.DASHBOARD) + "/")
                .contains(stack.baseUrl(Component.INTAKE) + "/api/cases")
                .contains("Ctrl-C");
        System.getLogger("LocalStackIT").log(System.Logger.Level.INFO, "Local stack ready in " + readyMillis + " ms");
    }

    @Test
    @Order(2)
    void demoDataIsVisibleThroughTheDashboardApi() {
        DemoData demo = new DemoData(stack);
        demo.seed(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        String demoCase = client.openCase(DemoData.caseRequest(DemoData.MARIE, List.of(), 180), "demo-case-tremblay").path("caseId").asString();
        JsonNode summary = PathwayClient.await("demo case on the dashboard", () -> client.dashboardCase(demoCase),
                PathwayClient.field("stage", "REHABILITATION"), STEP);
        assertThat(summary.path("clinicId").asString()).isEqualTo("clinic-qc-laval-01");
        JsonNode cases = client.dashboardCases();
        assertThat(cases.path("total").asLong()).isGreaterThanOrEqualTo(4);
    }

    @Test
    @Order(3)
    void oneCaseTravelsFromIntakeToItsRehabilitationPlanThroughTheRealBrokerAndDatabase() {
        String key = "pathway-" + UUID.randomUUID();
        DemoData.Patient patient = new DemoData.Patient("Gagnon", "Jean", "1968-11-05", "M", "GAGJ 6811 0529", "QC-06");
        String caseId = client.openCase(DemoData.caseRequest(patient, List.of(), 160), key).path("caseId").asString();

        JsonNode plan = new DemoData(stack).driveToRehabilitation(caseId);

        assertThat(plan.path("phases")).hasSize(4);
        // What each service stored, in its own database.
        assertThat(stored("intake-service", "cases", caseId)).isNotNull();
        assertThat(stored("assessment-service", "assessments", caseId).getString("status")).isEqualTo("SURGERY_RECOMMENDED");
        assertThat(stored("travel-coordination-service", "bookings", caseId).getString("status")).isEqualTo("COMPLETED");
        assertThat(stored("rehab-followup-service", "rehab-plans", caseId)).isNotNull();
        // What each service published, keyed by the case id, in order.
        assertThat(types(Topics.INTAKE, caseId)).containsExactly(EventCatalog.CASE_OPENED.name());
        assertThat(types(Topics.ASSESSMENT, caseId)).containsExactly(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(),
                EventCatalog.SURGERY_RECOMMENDED.name());
        // The saga: options ranked and one held, the hospital confirms, the demo hospital moves the surgery to today, then reports it.
        assertThat(types(Topics.TRAVEL, caseId)).containsExactly(EventCatalog.SURGERY_OPTIONS_OFFERED.name(),
                EventCatalog.SURGERY_SLOT_HELD.name(), EventCatalog.SURGERY_SCHEDULED.name(), EventCatalog.TRAVEL_PLAN_UPDATED.name(),
                EventCatalog.SURGERY_RESCHEDULED.name(), EventCatalog.TRAVEL_PLAN_UPDATED.name(), EventCatalog.SURGERY_COMPLETED.name());
        assertThat(types(Topics.REHAB, caseId)).containsExactly(EventCatalog.REHAB_PLAN_CREATED.name());
        for (String topic : List.of(Topics.INTAKE, Topics.ASSESSMENT, Topics.TRAVEL, Topics.REHAB)) {
            List<EventEnvelope> events = events(topic, caseId);
            assertThat(events).extracting(EventEnvelope::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(events).extracting(EventEnvelope::subject).containsOnly(caseId);
        }
        List<java.time.Instant> times = List.of(events(Topics.INTAKE, caseId).get(0).time(), events(Topics.ASSESSMENT, caseId).get(1).time(),
                events(Topics.TRAVEL, caseId).get(0).time(), events(Topics.TRAVEL, caseId).get(6).time(), events(Topics.REHAB, caseId).get(0).time());
        assertThat(times).isSorted();
        // And the coordinators see it.
        JsonNode summary = PathwayClient.await("case on the dashboard", () -> client.dashboardCase(caseId),
                PathwayClient.field("stage", "REHABILITATION"), STEP);
        assertThat(summary.path("hospitalId").asString()).isNotBlank();
        int published = 0;
        for (String topic : List.of(Topics.INTAKE, Topics.ASSESSMENT, Topics.TRAVEL, Topics.REHAB)) {
            published += events(topic, caseId).size();
        }
        int expected = published;
        JsonNode timeline = PathwayClient.await("full timeline", () -> client.dashboardTimeline(caseId), node -> node.size() == expected, STEP);
        assertThat(timeline.get(0).path("type").asString()).isEqualTo(EventCatalog.CASE_OPENED.name());
        assertThat(timeline.get(expected - 1).path("type").asString()).isEqualTo(EventCatalog.REHAB_PLAN_CREATED.name());
    }

    @Test
    @Order(4)
    void aDeclinedHospitalsHoldIsReleasedAndACancelledBookingLeavesNothingHeldAtTheFacilityApi() {
        DemoData.Patient patient = new DemoData.Patient("Roy", "Sophie", "1981-07-23", "F", "ROYS 8157 2322", "QC-03");
        String caseId = client.openCase(DemoData.caseRequest(patient, List.of(), 160), "cancel-" + UUID.randomUUID()).path("caseId").asString();
        PathwayClient.await("awaiting evaluation", () -> client.assessment(caseId), PathwayClient.field("status", "AWAITING_EVALUATION"), STEP);
        client.evaluate(caseId, "SIMPLE_DECOMPRESSION", "EPIDURAL_FIBROSIS", "Compression radiculaire L4-L5 persistante");
        JsonNode first = PathwayClient.await("first hold", () -> client.booking(caseId),
                PathwayClient.field("status", "AWAITING_HOSPITAL_CONFIRMATION"), STEP);
        String firstHospital = first.path("appointment").path("hospitalId").asString();

        client.declineAppointment(firstHospital, first.path("appointment").path("appointmentId").asString());

        JsonNode second = PathwayClient.await("second hospital held", () -> client.booking(caseId),
                node -> "AWAITING_HOSPITAL_CONFIRMATION".equals(node.path("status").asString())
                        && !firstHospital.equals(node.path("appointment").path("hospitalId").asString()), STEP);
        String secondHospital = second.path("appointment").path("hospitalId").asString();
        await().atMost(STEP).untilAsserted(() -> assertThat(client.simulatorHolds(caseId))
                .extracting(hold -> hold.path("facilityId").asString() + ":" + hold.path("status").asString())
                .containsExactlyInAnyOrder(firstHospital + ":RELEASED", secondHospital + ":HELD"));

        client.confirmAppointment(secondHospital, second.path("appointment").path("appointmentId").asString());
        PathwayClient.await("booked", () -> client.booking(caseId), PathwayClient.field("status", "SCHEDULED"), STEP);
        client.cancelBooking(caseId);

        await().atMost(STEP).untilAsserted(() -> assertThat(client.simulatorHolds(caseId))
                .as("nothing left held or confirmed at the facility API").extracting(hold -> hold.path("status").asString())
                .hasSize(2).doesNotContain("HELD", "CONFIRMED"));
        await().atMost(STEP).until(() -> types(Topics.TRAVEL, caseId).contains(EventCatalog.SURGERY_CANCELLED.name()));
        // The coordinators see the case back in scheduling, with the cancellation as its status.
        JsonNode cancelled = PathwayClient.await("cancelled on the dashboard", () -> client.dashboardCase(caseId),
                node -> node.path("status").asString().contains("annulée"), STEP);
        assertThat(cancelled.path("stage").asString()).isEqualTo("SURGERY_SCHEDULING");
    }

    @Test
    @Order(5)
    void aCaseOpenedWhileTheBrokerIsKilledIsPublishedExactlyOnceWhenItIsBack() {
        DemoData.Patient patient = new DemoData.Patient("Côté", "Luc", "1959-02-28", "M", "COTL 5902 2838", "QC-06");
        String caseId;
        stack.stopKafka(true);
        try {
            caseId = client.openCase(DemoData.caseRequest(patient, List.of(), 150), "broker-down-" + UUID.randomUUID())
                    .path("caseId").asString();
            assertThat(stored("intake-service", "cases", caseId)).isNotNull();
        } finally {
            stack.startKafka();
        }

        await().atMost(STEP).until(() -> types(Topics.INTAKE, caseId).size() == 1);
        PathwayClient.await("assessment after the broker came back", () -> client.assessment(caseId),
                PathwayClient.field("status", "AWAITING_EVALUATION"), STEP);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> types(Topics.INTAKE, caseId).size() == 1);
    }

    @Test
    @Order(6)
    void aCanaryPatientLeavesNoIdentifierInAnyLogTopicOrOtherServicesDatabase() throws Exception {
        DemoData.Patient canary = new DemoData.Patient("Quatremain-Oxleyx", "Zephyrine", "1966-09-14", "F", "QUAZ 6659 1447", "QC-13");
        String caseId = client.openCase(DemoData.caseRequest(canary, List.of(), 170), "canary-" + UUID.randomUUID()).path("caseId").asString();
        new DemoData(stack).driveToRehabilitation(caseId);
        // Direct identifiers, and the clinic's own free text (operative note, findings summary), which stays in intake.
        List<String> identifiers = List.of("Quatremain", "Oxleyx", "Zephyrine", "QUAZ66591447", "QUAZ 6659 1447",
                "1966-09-14", "zephyrine@example.org", DemoData.OPERATIVE_NOTE, DemoData.FINDINGS_SUMMARY);

        // Every log line every process wrote.
        try (var logs = Files.list(stack.logsFolder())) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                assertThat(identifiers).as("identifiers in " + log.getFileName()).noneMatch(text::contains);
            }
        }
        // Every record, key and header on every topic, dead-letter topics included.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            for (String topic : admin.listTopics().names().get()) {
                for (ConsumerRecord<String, byte[]> record : TopicProbe.readAll(stack.kafkaBootstrapServers(), topic)) {
                    StringBuilder seen = new StringBuilder(String.valueOf(record.key())).append(new String(record.value(), StandardCharsets.UTF_8));
                    record.headers().forEach(header -> seen.append(header.key()).append(new String(header.value(), StandardCharsets.UTF_8)));
                    assertThat(identifiers).as("identifiers on " + topic).noneMatch(seen.toString()::contains);
                }
            }
        }
        // Every metric (names, tags, values) every service exposes to the monitoring system.
        for (Component component : Component.values()) {
            if (component.usesInfrastructure()) {
                String metrics = client.metrics(component);
                assertThat(metrics).as("metrics of " + component).contains("http_server_requests");
                assertThat(identifiers).as("identifiers in the metrics of " + component).noneMatch(metrics::contains);
                assertThat(metrics).as("case ids in metric tags of " + component).doesNotContain(caseId);
            }
        }
        // Every document of every service's database, intake's own included: identifiers are stored as ciphertext only.
        for (String database : mongo.listDatabaseNames()) {
            for (String collection : mongo.getDatabase(database).listCollectionNames()) {
                for (Document document : mongo.getDatabase(database).getCollection(collection).find()) {
                    String json = document.toJson();
                    assertThat(identifiers).as("identifiers in " + database + "." + collection).noneMatch(json::contains);
                }
            }
        }
        assertThat(stored("intake-service", "cases", caseId)).isNotNull();
    }

    private Document stored(String database, String collection, String id) {
        return mongo.getDatabase(database).getCollection(collection).find(new Document("_id", id)).first();
    }

    private List<EventEnvelope> events(String topic, String caseId) {
        List<ConsumerRecord<String, byte[]>> records = TopicProbe.readAll(stack.kafkaBootstrapServers(), topic,
                record -> caseId.equals(record.key()));
        return records.stream().map(record -> EventCodec.read(record.value())).toList();
    }

    private List<String> types(String topic, String caseId) {
        return events(topic, caseId).stream().map(EventEnvelope::type).toList();
    }
}
