package ca.passerelle.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.bson.types.Binary;
import org.assertj.core.api.SoftAssertions;
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
    private Path dataDir;
    private PathwayClient client;
    private MongoClient mongo;
    private final ByteArrayOutputStream banner = new ByteArrayOutputStream();
    private long readyMillis;

    @BeforeAll
    void startTheStack() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        dataDir = Files.createDirectories(Path.of("target", "it-stack-" + System.currentTimeMillis()));
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

    /**
     * Issue 10's acceptance: one trace follows a case. The clinic's request to intake starts it (the relay publishes
     * CaseOpened in it); the specialist, coordinator and hospital continue it on their requests (W3C traceparent); every
     * service that handled an event of the case, found from the consumer groups that consumed its records, logs lines
     * naming the case in that trace; and the stage metrics move.
     */
    @Test
    @Order(4)
    void oneTraceFollowsACaseThroughEveryServiceThatHandledItAndTheStageMetricsMove() {
        Map<String, Double> enteredBefore = stageMetric("passerelle_case_stage_entered_total");
        double leftBefore = total(stageMetric("passerelle_case_stage_duration_seconds_count"));
        DemoData.Patient patient = new DemoData.Patient("Lavoie", "Chantal", "1970-04-17", "F", "LAVC 7054 1716", "QC-05");
        String caseId = client.openCase(DemoData.caseRequest(patient, List.of(), 160), "trace-" + UUID.randomUUID()).path("caseId").asString();

        await().atMost(STEP).until(() -> records(Topics.INTAKE, caseId).size() == 1);
        String traceId = traceIdOf(records(Topics.INTAKE, caseId).get(0));
        new DemoData(client.inTrace(traceId)).driveToRehabilitation(caseId);
        PathwayClient.await("case on the dashboard", () -> client.dashboardCase(caseId), PathwayClient.field("stage", "REHABILITATION"), STEP);
        await().atMost(STEP).until(() -> types(Topics.REHAB, caseId).contains(EventCatalog.REHAB_PLAN_CREATED.name()));

        // Every event of the case is in the case's trace: those raised by a traced request or event, and those the travel
        // saga raises in its scheduled passes (each step continues the trace its booking was first written in).
        Map<String, List<String>> tracesByType = new java.util.LinkedHashMap<>();
        for (String topic : CASE_TOPICS) {
            for (ConsumerRecord<String, byte[]> record : records(topic, caseId)) {
                tracesByType.computeIfAbsent(EventCodec.read(record.value()).type(), type -> new java.util.ArrayList<>()).add(traceIdOf(record));
            }
        }
        System.getLogger("LocalStackIT").log(System.Logger.Level.INFO, "Case " + caseId + " trace " + traceId + ", traces by event type: " + tracesByType);
        SoftAssertions traces = new SoftAssertions();
        assertThat(tracesByType.keySet()).contains(EventCatalog.CASE_OPENED.name(), EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(),
                EventCatalog.SURGERY_RECOMMENDED.name(), EventCatalog.SURGERY_OPTIONS_OFFERED.name(), EventCatalog.SURGERY_SLOT_HELD.name(),
                EventCatalog.SURGERY_SCHEDULED.name(), EventCatalog.SURGERY_RESCHEDULED.name(), EventCatalog.SURGERY_COMPLETED.name(),
                EventCatalog.REHAB_PLAN_CREATED.name());
        tracesByType.forEach((type, traceIds) -> traces.assertThat(traceIds).as("trace of " + type).containsOnly(traceId));

        // Who handled the case: the services that published its events, and those whose consumer group consumed them.
        await().atMost(STEP).untilAsserted(() -> {
            Set<Component> producers = EnumSet.noneOf(Component.class);
            for (String topic : CASE_TOPICS) {
                events(topic, caseId).forEach(event -> producers.add(componentOf(event.source().substring(event.source().lastIndexOf('/') + 1))));
            }
            Map<Component, Set<String>> consumed = consumersOf(caseId, traceId);
            assertThat(producers).contains(Component.INTAKE);
            Set<String> consumedTypes = new java.util.TreeSet<>();
            consumed.values().forEach(consumedTypes::addAll);
            assertThat(consumedTypes).as("every event of the case in its trace was consumed by some service (" + consumed + ")")
                    .containsExactlyInAnyOrderElementsOf(tracesByType.entrySet().stream()
                            .filter(entry -> entry.getValue().contains(traceId)).map(Map.Entry::getKey).toList());
            for (Component producer : producers) {
                assertThat(linesInTrace(producer, traceId)).as(producer.module() + " logs the case in its trace")
                        .anyMatch(line -> line.contains(caseId));
            }
            consumed.forEach((consumer, types) -> assertThat(linesInTrace(consumer, traceId))
                    .as(consumer.module() + " consumed " + types + " and logs the case in its trace")
                    .anyMatch(line -> line.contains("case=" + caseId + "]")));
        });

        // The stage metrics moved: the case entered its stages, rehabilitation last, and left the earlier ones.
        await().atMost(STEP).untilAsserted(() -> {
            Map<String, Double> entered = stageMetric("passerelle_case_stage_entered_total");
            assertThat(total(entered)).as("passerelle_case_stage_entered_total over every service").isGreaterThan(total(enteredBefore));
            assertThat(entered.getOrDefault("rehabilitation", 0.0)).as("cases that entered rehabilitation")
                    .isGreaterThan(enteredBefore.getOrDefault("rehabilitation", 0.0));
            assertThat(total(stageMetric("passerelle_case_stage_duration_seconds_count"))).as("cases that left a stage").isGreaterThan(leftBefore);
        });
        traces.assertAll();
    }

    @Test
    @Order(5)
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
    @Order(6)
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
    @Order(7)
    void aCanaryPatientLeavesNoIdentifierInAnyLogTopicOrOtherServicesDatabase() throws Exception {
        DemoData.Patient canary = new DemoData.Patient("Quatremain-Oxleyx", "Zephyrine", "1966-09-14", "F", "QUAZ 6659 1447", "QC-13");
        String caseId = client.openCase(DemoData.caseRequest(canary, List.of(), 170), "canary-" + UUID.randomUUID()).path("caseId").asString();
        new DemoData(stack).driveToRehabilitation(caseId);
        // Direct identifiers, and the clinic's own free text (operative note, findings summary), which stays in intake.
        List<String> identifiers = List.of("Quatremain", "Oxleyx", "Zephyrine", "QUAZ66591447", "QUAZ 6659 1447",
                "1966-09-14", "zephyrine@example.org", DemoData.OPERATIVE_NOTE, DemoData.FINDINGS_SUMMARY);

        // At rest, intake holds the canary's identifiers as ciphertext (binary), its RAMQ lookup as a keyed hash.
        Document stored = stored("intake-service", "cases", caseId);
        assertThat(stored).isNotNull();
        Document patient = stored.get("patient", Document.class);
        for (String field : List.of("familyNameAtBirth", "firstName", "dateOfBirth", "ramqNumber")) {
            assertThat(patient.get(field)).as("patient." + field + " at rest").isInstanceOf(Binary.class);
        }
        assertThat(stored.getString("ramqLookup")).isNotBlank().doesNotContain("QUAZ");

        // Ciphertext is bound to its case: the canary's name swapped with another case's fails to decrypt in both
        // (a problem answer naming neither patient), and each reads again once its own ciphertext is back.
        Document other = mongo.getDatabase("intake-service").getCollection("cases")
                .find(new Document("_id", new Document("$ne", caseId))).first();
        assertThat(other).as("another case at intake").isNotNull();
        String otherId = other.getString("_id");
        Object canaryName = patient.get("familyNameAtBirth");
        Object otherName = other.get("patient", Document.class).get("familyNameAtBirth");
        setFamilyName(caseId, otherName);
        setFamilyName(otherId, canaryName);
        try {
            for (String swapped : List.of(caseId, otherId)) {
                java.net.http.HttpResponse<String> answer = client.intakeCase(swapped);
                assertThat(answer.statusCode()).as("a case holding another case's ciphertext").isEqualTo(500);
                assertThat(answer.body()).contains("case-unreadable");
                assertThat(identifiers).as("identifiers in the answer").noneMatch(answer.body()::contains);
            }
        } finally {
            setFamilyName(caseId, canaryName);
            setFamilyName(otherId, otherName);
        }
        java.net.http.HttpResponse<String> restored = client.intakeCase(caseId);
        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(restored.body()).contains("Quatremain-Oxleyx");

        // A poison event about the canary's case, so that the dead-letter topics hold a record of it when scanned.
        String poison = """
                {"specversion":"1.0","id":"%s","source":"/local-stack-it","type":"%s","time":"%s","subject":"%s",
                 "datacontenttype":"application/json","sequence":1,"data":{"caseId":"%s","unexpected":true}}"""
                .formatted(UUID.randomUUID(), EventCatalog.CASE_OPENED.name(), java.time.Instant.now(), caseId, caseId);
        TopicProbe.send(stack.kafkaBootstrapServers(), Topics.INTAKE, caseId, poison.getBytes(StandardCharsets.UTF_8));
        String assessmentDeadLetters = Topics.deadLetter(Topics.INTAKE, "assessment-service");
        await().atMost(STEP).ignoreExceptions().until(() -> !records(assessmentDeadLetters, caseId).isEmpty());

        // Every log line every process wrote (one log per process, the integrity failures above included).
        try (var logs = Files.list(stack.logsFolder())) {
            List<Path> files = logs.toList();
            for (Component component : Component.values()) {
                assertThat(files).as("a log of " + component).anySatisfy(log -> assertThat(log.getFileName().toString())
                        .isEqualTo(component.module() + ".log"));
            }
            for (Path log : files) {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                assertThat(identifiers).as("identifiers in " + log.getFileName()).noneMatch(text::contains);
            }
        }
        Path brokerLog = dataDir.resolve("kafka").resolve("broker.log");
        assertThat(brokerLog).exists();
        String brokerText = new String(Files.readAllBytes(brokerLog), StandardCharsets.ISO_8859_1);
        assertThat(identifiers).as("identifiers in the broker's log").noneMatch(brokerText::contains);
        assertThat(Files.readString(stack.logsFolder().resolve("intake-service.log"), StandardCharsets.UTF_8))
                .as("the integrity failure was logged (by case id only)").contains("Case " + caseId + " could not be read");
        // Every record, key and header on every topic the broker lists, dead-letter topics included.
        int deadLettersOfTheCanary = 0;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get();
            assertThat(topics).as("the dead-letter topics are among those scanned").contains(assessmentDeadLetters);
            for (String topic : topics) {
                for (ConsumerRecord<String, byte[]> record : TopicProbe.readAll(stack.kafkaBootstrapServers(), topic)) {
                    StringBuilder seen = new StringBuilder(String.valueOf(record.key())).append(new String(record.value(), StandardCharsets.UTF_8));
                    record.headers().forEach(header -> seen.append(header.key()).append(new String(header.value(), StandardCharsets.UTF_8)));
                    assertThat(identifiers).as("identifiers on " + topic).noneMatch(seen.toString()::contains);
                    if (topic.endsWith(".dlq") && caseId.equals(record.key())) {
                        deadLettersOfTheCanary++;
                    }
                }
            }
        }
        assertThat(deadLettersOfTheCanary).as("dead letters of the canary's case scanned").isPositive();
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
    }

    @Test
    @Order(8)
    void aCoordinatorsReadOfAnIdentityIsAuditedExactlyOnceAndNoServiceOffersARouteOntoTheAuditLog() throws Exception {
        DemoData.Patient patient = new DemoData.Patient("Audit-Vexlander", "Ysolde", "1971-02-03", "F", "AUDY 7152 0319", "QC-06");
        String caseId = client.openCase(DemoData.caseRequest(patient, List.of(), 170), "audit-" + UUID.randomUUID()).path("caseId").asString();
        var audit = mongo.getDatabase("intake-service").getCollection("audit-log");
        Document identityReads = new Document("resourceId", caseId).append("action", "case.identity.read");
        assertThat(audit.countDocuments(identityReads)).isZero();

        assertThat(client.intakeCase(caseId).statusCode()).isEqualTo(200);

        List<Document> reads = audit.find(identityReads).into(new java.util.ArrayList<>());
        assertThat(reads).singleElement().satisfies(entry -> {
            assertThat(entry.getString("actor")).isEqualTo("coordonnatrice");
            assertThat(entry.getList("roles", String.class)).containsExactly("COORDINATOR");
            assertThat(entry.getString("resourceType")).isEqualTo("case");
            assertThat(entry.getString("purpose")).isNotBlank();
            assertThat(entry.get("at")).isNotNull();
            assertThat(entry.toJson()).doesNotContain("Vexlander", "Ysolde", "AUDY", "1971-02-03");
        });

        // No API anywhere reaches the audit log: no route of any service (its OpenAPI description, read with a token) names it.
        for (Component component : Component.values()) {
            if (component.usesInfrastructure()) {
                java.net.http.HttpResponse<String> described = client.getAsCoordinator(component, "/v3/api-docs");
                assertThat(described.statusCode()).as("API description of " + component).isEqualTo(200);
                JsonNode paths = tools.jackson.databind.json.JsonMapper.shared().readTree(described.body()).path("paths");
                assertThat(paths.propertyNames()).as("routes of " + component).isNotEmpty()
                        .noneMatch(path -> path.toLowerCase(java.util.Locale.ROOT).contains("audit"));
            }
        }
        assertThat(audit.countDocuments(identityReads)).as("reading the descriptions audited nothing more").isEqualTo(1);
    }

    private void setFamilyName(String caseId, Object ciphertext) {
        mongo.getDatabase("intake-service").getCollection("cases").updateOne(new Document("_id", caseId),
                new Document("$set", new Document("patient.familyNameAtBirth", ciphertext)));
    }

    private static final List<String> CASE_TOPICS = List.of(Topics.INTAKE, Topics.ASSESSMENT, Topics.TRAVEL, Topics.REHAB);
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-[0-9a-f]{16}-0[01]");
    private static final Pattern STAGE_SERIES = Pattern.compile("\\{.*stage=\"([^\"]+)\".*} (\\S+)");

    private List<ConsumerRecord<String, byte[]>> records(String topic, String caseId) {
        return TopicProbe.readAll(stack.kafkaBootstrapServers(), topic, record -> caseId.equals(record.key()));
    }

    private static String traceIdOf(ConsumerRecord<?, ?> record) {
        String traceparent = TopicProbe.header(record, "traceparent");
        assertThat(traceparent).as("traceparent of " + record.topic() + "@" + record.offset()).isNotNull().matches(TRACEPARENT);
        Matcher matcher = TRACEPARENT.matcher(traceparent);
        assertThat(matcher.matches()).isTrue();
        return matcher.group(1);
    }

    /**
     * For each service whose consumer group has consumed (committed past) a record of the case published in its trace:
     * the types of those records.
     */
    private Map<Component, Set<String>> consumersOf(String caseId, String traceId) throws Exception {
        List<ConsumerRecord<String, byte[]>> inTrace = new java.util.ArrayList<>();
        for (String topic : CASE_TOPICS) {
            records(topic, caseId).stream().filter(record -> traceId.equals(traceIdOf(record))).forEach(inTrace::add);
        }
        Map<Component, Set<String>> consumers = new EnumMap<>(Component.class);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            for (Component component : Component.values()) {
                if (!component.usesInfrastructure()) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(component.module())
                        .partitionsToOffsetAndMetadata().get();
                for (ConsumerRecord<String, byte[]> record : inTrace) {
                    OffsetAndMetadata offset = committed.get(new TopicPartition(record.topic(), record.partition()));
                    if (offset != null && offset.offset() > record.offset()) {
                        consumers.computeIfAbsent(component, c -> new java.util.TreeSet<>()).add(EventCodec.read(record.value()).type());
                    }
                }
            }
        }
        return consumers;
    }

    private static Component componentOf(String module) {
        for (Component component : Component.values()) {
            if (component.module().equals(module)) {
                return component;
            }
        }
        throw new AssertionError("no service named " + module);
    }

    /** The lines of a service's log file that name the trace (the log pattern's {@code [trace=… span=… case=…]}). */
    private List<String> linesInTrace(Component component, String traceId) {
        try (var lines = Files.lines(stack.logsFolder().resolve(component.module() + ".log"), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("trace=" + traceId + " ")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One metric's series by stage, summed over every service that exposes it (scraped with the OPERATOR token). */
    private Map<String, Double> stageMetric(String name) {
        Map<String, Double> byStage = new java.util.TreeMap<>();
        for (Component component : Component.values()) {
            if (component.usesInfrastructure()) {
                client.metrics(component).lines().filter(line -> line.startsWith(name + "{")).forEach(line -> {
                    Matcher series = STAGE_SERIES.matcher(line.substring(name.length()));
                    if (series.matches()) {
                        byStage.merge(series.group(1), Double.parseDouble(series.group(2)), Double::sum);
                    }
                });
            }
        }
        return byStage;
    }

    private static double total(Map<String, Double> byStage) {
        return byStage.values().stream().mapToDouble(Double::doubleValue).sum();
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
