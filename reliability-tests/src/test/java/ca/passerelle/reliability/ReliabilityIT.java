package ca.passerelle.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.Topics;
import ca.passerelle.localstack.Component;
import ca.passerelle.localstack.LocalStack;
import ca.passerelle.localstack.PathwayClient;
import ca.passerelle.localstack.Ports;

/**
 * The fault-injection scenarios of issue 11, against the whole system as processes: a Kafka broker process, the MongoDB
 * wire-protocol server, the identity provider, the simulator and every service from its jar. Each scenario drives cases
 * through intake's public API, injects its fault, then hands what it sent and what the topics and documents show to the
 * one checker ({@link Figures}), which prints the figure line and appends the summary row.
 *
 * <p>Cases per scenario: system property {@code reliability.cases} (40 by default, 12 in CI).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityIT {

    static final int CASES = Integer.getInteger("reliability.cases", 40);
    static final Duration RECOVERY = Duration.ofSeconds(30);
    static final Duration PROCESSING = Duration.ofSeconds(120);
    /** Every consumer group of the intake topic (each service's application name). */
    static final List<String> INTAKE_GROUPS = List.of("assessment-service", "travel-coordination-service", "rehab-followup-service",
            "operations-dashboard");
    static final String ASSESSMENT_DB = "assessment-service";
    static final String ASSESSMENTS = "assessments";
    static final String OPENED = EventCatalog.CASE_OPENED.name();
    static final String VERIFIED = EventCatalog.CONSERVATIVE_CARE_VERIFIED.name();

    private LocalStack stack;
    private PathwayClient client;
    private StackProbe probe;

    @BeforeAll
    void startTheStack() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path dataDir = Files.createDirectories(Path.of("target", "reliability-stack-" + System.currentTimeMillis()));
        long started = System.nanoTime();
        stack = new LocalStack(root, dataDir, Ports.free());
        stack.proxyMongoFor(Component.ASSESSMENT); // scenario 2 cuts assessment's database connections
        stack.start();
        System.out.printf("RELIABILITY stack ready in %d s (%d cases per scenario), data in %s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), CASES, dataDir);
        client = new PathwayClient(stack);
        probe = new StackProbe(stack);
    }

    @AfterAll
    void stopTheStack() {
        if (probe != null) {
            probe.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Scenario 0: the baseline, no fault. The checker must find a clean run clean.

    @Test
    @Order(1)
    void baselineWithoutFaultsIsCleanAndItsLagReturnsToZero() {
        CaseLoad load = new CaseLoad(client, "baseline-" + UUID.randomUUID());
        long started = System.nanoTime();
        load.open(CASES);
        List<String> cases = load.acknowledged();
        awaitProcessed(cases);
        Duration recovery = Duration.ofNanos(System.nanoTime() - started);

        Figures figures = check("0 baseline (no fault)", cases, 0, load.refused(), recovery);
        verdict(figures, () -> {
            assertClean(figures, cases.size() * 2);
            assertThat(load.refused()).isZero();
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Scenario 6: full replay.

    @Test
    @Order(2)
    void replayingTheWholeIntakeTopicIntoAssessmentChangesNoDocumentAndPublishesNothing() {
        CaseLoad load = new CaseLoad(client, "replay-" + UUID.randomUUID());
        load.open(Math.max(3, CASES / 4));
        awaitProcessed(load.acknowledged());
        Map<String, Map<String, String>> before = probe.documents(ASSESSMENT_DB);
        Map<TopicPartition, Long> downstreamBefore = probe.endOffsets(Topics.ASSESSMENT, Topics.deadLetter(Topics.INTAKE, "assessment-service"));
        long intakeRecords = probe.endOffsets(Topics.INTAKE).values().stream().mapToLong(Long::longValue).sum();

        stack.stopService(Component.ASSESSMENT);
        probe.moveOffsets("assessment-service", probe.beginning(Topics.INTAKE));
        long toReplay = probe.lag("assessment-service", Topics.INTAKE);
        stack.startService(Component.ASSESSMENT);
        Duration recovery = StackProbe.await("assessment to replay the intake topic", PROCESSING,
                () -> probe.lag("assessment-service", Topics.INTAKE) == 0);
        StackProbe.pause(Duration.ofSeconds(3)); // a relay pass or two, had the replay raised anything

        Map<String, Map<String, String>> after = probe.documents(ASSESSMENT_DB);
        Map<TopicPartition, Long> downstreamAfter = probe.endOffsets(Topics.ASSESSMENT, Topics.deadLetter(Topics.INTAKE, "assessment-service"));
        double duplicatesSeen = StackProbe.metric(client.metrics(Component.ASSESSMENT), "passerelle_events_consumed_total", "outcome=\"duplicate\"");
        List<String> everyCase = new ArrayList<>(after.getOrDefault(ASSESSMENTS, Map.of()).keySet());
        Figures figures = Figures.compute("6 full replay (assessment)", expectations(everyCase),
                probe.events(Topics.INTAKE, Topics.ASSESSMENT), probe.stateDuplicates(ASSESSMENT_DB, ASSESSMENTS, everyCase),
                0, 0, recovery);
        verdict(figures, () -> {
            assertThat(toReplay).as("records replayed").isEqualTo(intakeRecords);
            assertThat(duplicatesSeen).as("redelivered events recognised as already consumed").isGreaterThanOrEqualTo(everyCase.size());
            // Nothing ignored: a redelivered event changes nothing, not even a timestamp or the version.
            assertThat(after).as("assessment-service documents after the replay").isEqualTo(before);
            assertThat(downstreamAfter).as("assessment topic and its dead letters after the replay").isEqualTo(downstreamBefore);
            assertClean(figures, everyCase.size() * 2);
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Scenario 1: poison events.

    @Test
    @Order(3)
    void poisonRecordsEachGoOnceToEveryGroupsDeadLettersAndTheCasesAfterThemAreProcessed() throws Exception {
        Map<String, Long> deadLettersBefore = new HashMap<>();
        for (String group : INTAKE_GROUPS) {
            deadLettersBefore.put(group, total(probe.endOffsets(Topics.deadLetter(Topics.INTAKE, group))));
        }
        CaseLoad load = new CaseLoad(client, "poison-" + UUID.randomUUID());
        int third = Math.max(2, CASES / 3);
        load.open(third);
        RecordMetadata notJson = produce("poison-" + UUID.randomUUID(), "this is not JSON {".getBytes(StandardCharsets.UTF_8));
        load.open(third);
        String schemaInvalid = """
                {"specversion":"1.0","id":"%s","source":"/reliability-tests","type":"%s","time":"%s","subject":"case-poison",
                 "datacontenttype":"application/json","sequence":1,"data":{"caseId":"case-poison","unexpected":true}}"""
                .formatted(UUID.randomUUID(), OPENED, Instant.now());
        RecordMetadata invalid = produce("case-poison", schemaInvalid.getBytes(StandardCharsets.UTF_8));
        long afterPoison = System.nanoTime();
        String next = load.openOne();
        load.open(third - 1);
        List<String> cases = load.acknowledged();

        // The consumer moved on: the case posted right after the second poison record is applied within seconds.
        Duration movedOn = StackProbe.await("the case after the poison to be assessed", RECOVERY,
                () -> probe.document(ASSESSMENT_DB, ASSESSMENTS, next) != null);
        System.out.printf("RELIABILITY poison: the case after the second poison record was assessed %d ms after the load finished%n", movedOn.toMillis());
        Duration recovery = Duration.ofNanos(System.nanoTime() - afterPoison);
        awaitProcessed(cases);
        StackProbe.await("every group's two dead letters", RECOVERY, () -> INTAKE_GROUPS.stream().allMatch(group ->
                total(probe.endOffsets(Topics.deadLetter(Topics.INTAKE, group))) - deadLettersBefore.get(group) >= 2));
        StackProbe.pause(Duration.ofSeconds(5)); // a retry storm would keep adding dead letters (or stall the group)

        Map<String, List<ConsumerRecord<String, byte[]>>> deadLetters = new HashMap<>();
        int totalDeadLetters = 0;
        for (String group : INTAKE_GROUPS) {
            List<ConsumerRecord<String, byte[]>> records = probe.records(Topics.deadLetter(Topics.INTAKE, group)).stream()
                    .filter(record -> record.offset() >= deadLettersBefore.get(group)).toList();
            deadLetters.put(group, records);
            totalDeadLetters += records.size();
        }
        Figures figures = check("1 poison events (2 per group)", cases, totalDeadLetters, load.refused(), recovery);
        verdict(figures, () -> {
            assertClean(figures, cases.size() * 2);
            for (String group : INTAKE_GROUPS) {
                List<ConsumerRecord<String, byte[]>> records = deadLetters.get(group);
                assertThat(records).as("dead letters of " + group).hasSize(2);
                assertThat(records).extracting(record -> origin(record, "topic")).as("original topic in " + group)
                        .containsOnly(Topics.INTAKE);
                assertThat(records).extracting(record -> origin(record, "partition") + "@" + origin(record, "offset"))
                        .as("original partition@offset in " + group)
                        .containsExactlyInAnyOrder(notJson.partition() + "@" + notJson.offset(), invalid.partition() + "@" + invalid.offset());
                assertThat(probe.lag(group, Topics.INTAKE)).as("lag of " + group + " after the poison").isZero();
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Scenarios 3 and 4: kill -9 a service inside its two windows, forced deterministically.

    @Test
    @Order(4)
    void assessmentKilledAfterItsWritesBeforeItsOffsetCommitAndBeforeItsOutboxPublishAppliesOnceAndPublishesOnce() {
        // Window of scenario 4: the relay is off, so the documents are written with their events still in the outbox.
        stack.stopService(Component.ASSESSMENT);
        Map<TopicPartition, Long> committedBefore = probe.committed("assessment-service", Topics.INTAKE);
        stack.startService(Component.ASSESSMENT, "--passerelle.messaging.relay-enabled=false");
        CaseLoad load = new CaseLoad(client, "kill-window-" + UUID.randomUUID());
        load.open(Math.max(3, CASES / 2));
        List<String> cases = load.acknowledged();
        StackProbe.await("assessment to write every case, events held in its outbox", PROCESSING,
                () -> cases.stream().allMatch(caseId -> pendingOutbox(caseId) > 0));
        assertThat(probe.events(Topics.ASSESSMENT)).as("nothing published while the relay is off")
                .noneMatch(event -> cases.contains(event.subject()));

        stack.killService(Component.ASSESSMENT);
        // Window of scenario 3: as if the offset commit had not happened before the kill.
        probe.moveOffsets("assessment-service", committedBefore.isEmpty() ? probe.beginning(Topics.INTAKE) : committedBefore);
        stack.startService(Component.ASSESSMENT);
        long faultEnded = System.nanoTime(); // the fault ends when the restarted service reports UP
        awaitProcessed(cases);
        Duration recovery = Duration.ofNanos(System.nanoTime() - faultEnded);
        double duplicatesSeen = StackProbe.metric(client.metrics(Component.ASSESSMENT), "passerelle_events_consumed_total", "outcome=\"duplicate\"");

        Figures figures = check("3+4 kill -9 in write windows", cases, 0, load.refused(), recovery);
        verdict(figures, () -> {
            assertThat(duplicatesSeen).as("the cases' CaseOpened were redelivered and recognised").isGreaterThanOrEqualTo(cases.size());
            assertThat(cases).allSatisfy(caseId -> assertThat(pendingOutbox(caseId)).as("outbox of " + caseId).isZero());
            assertClean(figures, cases.size() * 2);
        });
    }

    @Test
    @Order(5)
    void assessmentKilledWhileCasesFlowLosesNothingAndDuplicatesNothing() throws Exception {
        CaseLoad load = new CaseLoad(client, "kill-flow-" + UUID.randomUUID());
        int cases = Math.max(6, CASES);
        CompletableFuture<Void> clinics = load.openInBackground(cases, Duration.ofMillis(150));
        StackProbe.await("a third of the cases to be assessed", PROCESSING,
                () -> probe.countPresent(ASSESSMENT_DB, ASSESSMENTS, load.acknowledged()) >= cases / 3);
        stack.killService(Component.ASSESSMENT);
        long killed = System.nanoTime();
        StackProbe.pause(Duration.ofSeconds(2));
        stack.startService(Component.ASSESSMENT);
        long faultEnded = System.nanoTime(); // the fault ends when the restarted service reports UP
        System.out.printf("RELIABILITY assessment killed (pid gone) and back UP after %d s%n", Duration.ofNanos(faultEnded - killed).toSeconds());
        clinics.get(PROCESSING.toSeconds(), TimeUnit.SECONDS);
        long from = Math.max(faultEnded, System.nanoTime()); // the later of the fault's end and the last case posted
        List<String> acknowledged = load.acknowledged();
        awaitProcessed(acknowledged);
        Duration recovery = Duration.ofNanos(System.nanoTime() - from);

        Figures figures = check("3/4 kill -9 assessment under flow", acknowledged, 0, load.refused(), recovery);
        verdict(figures, () -> {
            assertThat(load.refused()).as("intake refused nothing: assessment is not on its path").isZero();
            assertClean(figures, acknowledged.size() * 2);
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Scenarios 5 and 8: the broker killed (5) or stopped (8) while clinics post, back after 10 s.

    @Test
    @Order(6)
    void brokerKilledUnderLoadLosesNothingAcknowledgedAndTheOutboxDrains() throws Exception {
        brokerOutage(true, "5 kill -9 broker 10 s under load");
    }

    @Test
    @Order(7)
    void brokerUnreachableWhileClinicsPostHttpSucceedsAndTheOutboxRisesThenDrains() throws Exception {
        brokerOutage(false, "8 broker unreachable 10 s");
    }

    private void brokerOutage(boolean kill, String scenario) throws Exception {
        CaseLoad load = new CaseLoad(client, "broker-" + (kill ? "kill-" : "stop-") + UUID.randomUUID());
        int cases = Math.max(6, CASES);
        CompletableFuture<Void> clinics = load.openInBackground(cases, Duration.ofMillis(250));
        StackProbe.await("a quarter of the cases to be opened", PROCESSING, () -> load.acknowledged().size() >= cases / 4);
        stack.stopKafka(kill);
        long down = System.nanoTime();
        int acknowledgedAtOutage = load.acknowledged().size();
        List<Double> pending = new ArrayList<>();
        while (System.nanoTime() - down < Duration.ofSeconds(10).toNanos()) {
            pending.add(StackProbe.metric(client.metrics(Component.INTAKE), "passerelle_outbox_pending"));
            StackProbe.pause(Duration.ofMillis(500));
        }
        List<String> acknowledgedWhileDown = load.acknowledged().subList(acknowledgedAtOutage, load.acknowledged().size());
        // Nothing is marked published before the broker acknowledged it: every case accepted during the outage still
        // holds its CaseOpened in its own document.
        List<String> markedPublished = acknowledgedWhileDown.stream()
                .filter(caseId -> probe.document("intake-service", "cases", caseId).getList("outbox", Document.class, List.of()).isEmpty())
                .toList();
        stack.startKafka();
        long faultEnded = System.nanoTime();
        clinics.get(PROCESSING.toSeconds(), TimeUnit.SECONDS);
        long from = Math.max(faultEnded, System.nanoTime()); // the later of the fault's end and the last case posted
        List<String> acknowledged = load.acknowledged();
        awaitProcessed(acknowledged);
        Duration recovery = Duration.ofNanos(System.nanoTime() - from);
        double pendingAfter = StackProbe.metric(client.metrics(Component.INTAKE), "passerelle_outbox_pending");
        double failures = StackProbe.metric(client.metrics(Component.INTAKE), "passerelle_outbox_publish_failures_total");
        System.out.printf("RELIABILITY %s: %d cases acknowledged during the outage, intake outbox pending %s then %s, relay failures %s%n",
                scenario, acknowledgedWhileDown.size(), pending, pendingAfter, failures);

        Figures figures = check(scenario, acknowledged, 0, load.refused(), recovery);
        verdict(figures, () -> {
            assertThat(acknowledgedWhileDown).as("clinics' cases answered 201 while the broker was away").isNotEmpty();
            assertThat(load.refused()).as("intake refused nothing: the broker is not on its write path").isZero();
            assertThat(markedPublished).as("cases marked published while the broker was away").isEmpty();
            assertThat(pending.stream().mapToDouble(Double::doubleValue).max().orElse(0)).as("outbox pending rose during the outage")
                    .isGreaterThanOrEqualTo(Math.min(2, acknowledgedWhileDown.size()));
            assertThat(pendingAfter).as("outbox pending drained").isZero();
            assertThat(failures).as("the relay surfaced its failed sends").isPositive();
            assertClean(figures, acknowledged.size() * 2);
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Scenario 2: the database unreachable for 20 s (for assessment, through a TCP proxy that drops every connection).

    @Test
    @Order(8)
    void databaseUnreachableForTwentySecondsIsRetriedWithoutDeadLettersOrRebalance() throws Exception {
        String deadLetterTopic = Topics.deadLetter(Topics.INTAKE, "assessment-service");
        long deadLettersBefore = total(probe.endOffsets(deadLetterTopic));
        java.util.Set<String> membersBefore = members("assessment-service");
        CaseLoad load = new CaseLoad(client, "mongo-cut-" + UUID.randomUUID());
        load.open(Math.max(2, CASES / 4));
        stack.mongoProxy(Component.ASSESSMENT).cut();
        long cutAt = System.nanoTime();
        try {
            load.open(Math.max(3, CASES / 2));
            StackProbe.pause(Duration.ofNanos(Duration.ofSeconds(20).toNanos() - (System.nanoTime() - cutAt)));
        } finally {
            stack.mongoProxy(Component.ASSESSMENT).restore();
        }
        long faultEnded = System.nanoTime();
        List<String> cases = load.acknowledged();
        awaitProcessed(cases);
        Duration recovery = Duration.ofNanos(System.nanoTime() - faultEnded);
        long deadLetters = total(probe.endOffsets(deadLetterTopic)) - deadLettersBefore;
        java.util.Set<String> membersAfter = members("assessment-service");

        Figures figures = check("2 database unreachable 20 s", cases, (int) deadLetters, load.refused(), recovery);
        verdict(figures, () -> {
            assertThat(deadLetters).as("events dead-lettered while the database was away").isZero();
            assertThat(membersAfter).as("assessment's consumer-group members (a rebalance would replace them)").isEqualTo(membersBefore);
            assertClean(figures, cases.size() * 2);
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Scenario 7: a second assessment instance added, then removed, while clinics post (two rebalances).

    @Test
    @Order(9)
    void aSecondAssessmentInstanceAddedThenRemovedMidRunLosesNothingAndDuplicatesNothing() throws Exception {
        CaseLoad load = new CaseLoad(client, "rebalance-" + UUID.randomUUID());
        java.util.concurrent.atomic.AtomicBoolean posting = new java.util.concurrent.atomic.AtomicBoolean(true);
        CompletableFuture<Void> clinics = CompletableFuture.runAsync(() -> {
            while (posting.get()) {
                load.openOne();
                StackProbe.pause(Duration.ofMillis(500));
            }
        });
        try {
            StackProbe.await("a few cases to be assessed by the one instance", PROCESSING,
                    () -> probe.countPresent(ASSESSMENT_DB, ASSESSMENTS, load.acknowledged()) >= 3);
            int membersBefore = members("assessment-service").size();
            long adding = System.nanoTime();
            // Both instances consume and relay: each relay takes a document's outbox under a lease before publishing it
            // (without it two relays over one database published 2 events twice in 84, see the README's findings).
            stack.startSecondInstance(Component.ASSESSMENT);
            Duration joined = StackProbe.await("the second instance to get partitions", RECOVERY,
                    () -> unchecked(() -> assignedMembers("assessment-service")) == 2);
            System.out.printf("RELIABILITY rebalance: second assessment instance UP and assigned %d s after its launch (pid %d)%n",
                    Duration.ofNanos(System.nanoTime() - adding).toSeconds(), stack.secondInstancePid(Component.ASSESSMENT));
            int atJoin = load.acknowledged().size();
            StackProbe.await("cases to be assessed while two instances share the partitions", PROCESSING,
                    () -> load.acknowledged().size() >= atJoin + Math.max(6, CASES / 2)
                            && probe.countPresent(ASSESSMENT_DB, ASSESSMENTS, load.acknowledged().subList(atJoin, atJoin + 4)) == 4);
            stack.stopSecondInstance(Component.ASSESSMENT, false);
            long removed = System.nanoTime();
            Duration left = StackProbe.await("the one instance to hold every partition again", RECOVERY,
                    () -> unchecked(() -> members("assessment-service").size()) == 1 && unchecked(() -> assignedMembers("assessment-service")) == 1);
            int atLeave = load.acknowledged().size();
            StackProbe.await("a few more cases posted after the removal", PROCESSING, () -> load.acknowledged().size() >= atLeave + 4);
            posting.set(false);
            clinics.get(30, TimeUnit.SECONDS);
            long from = Math.max(removed, System.nanoTime());
            List<String> acknowledged = load.acknowledged();
            awaitProcessed(acknowledged);
            Duration recovery = Duration.ofNanos(System.nanoTime() - from);
            System.out.printf("RELIABILITY rebalance: members %d → 2 (joined in %d ms) → 1 (left in %d ms), %d cases posted%n",
                    membersBefore, joined.toMillis(), left.toMillis(), acknowledged.size());

            Figures figures = check("7 second instance added, removed", acknowledged, 0, load.refused(), recovery);
            verdict(figures, () -> {
                assertThat(membersBefore).as("assessment instances before").isEqualTo(1);
                assertThat(load.refused()).as("intake refused nothing").isZero();
                assertClean(figures, acknowledged.size() * 2);
            });
        } finally {
            posting.set(false);
            stack.stopSecondInstance(Component.ASSESSMENT, false);
        }
    }

    private static int unchecked(java.util.concurrent.Callable<Integer> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Members of the group that hold at least one partition of the intake topic. */
    private int assignedMembers(String group) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = probe.admin()) {
            return (int) admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group).members().stream()
                    .filter(member -> member.assignment().topicPartitions().stream().anyMatch(tp -> tp.topic().equals(Topics.INTAKE)))
                    .count();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Scenario 9: a deliberately slow consumer (test-only fault passerelle.faults.handler-delay).

    static final Duration SLOW_HANDLER = Duration.ofMillis(250);
    /** Bound on assessment's resident memory while its lag grows (it runs with -Xmx320m). */
    static final long RSS_BOUND_BYTES = 768L * 1024 * 1024;

    @Test
    @Order(10)
    void aSlowConsumerLagsWithBoundedMemoryThenDrains() throws Exception {
        stack.stopService(Component.ASSESSMENT);
        stack.startService(Component.ASSESSMENT, "--passerelle.faults.handler-delay=" + SLOW_HANDLER.toMillis() + "ms");
        try {
            CaseLoad load = new CaseLoad(client, "slow-" + UUID.randomUUID());
            int cases = Math.max(24, CASES);
            java.util.concurrent.atomic.AtomicLong lastPosted = new java.util.concurrent.atomic.AtomicLong();
            CompletableFuture<Void> clinics = load.openInBackground(cases, Duration.ZERO).thenRun(() -> lastPosted.set(System.nanoTime()));
            List<Long> lags = new ArrayList<>();
            double heapMax = StackProbe.metric(client.metrics(Component.ASSESSMENT), "jvm_memory_max_bytes", "area=\"heap\"");
            double heapPeak = 0;
            long rssPeak = 0;
            long lagPeak = 0;
            while (!clinics.isDone() || lags.isEmpty() || lags.get(lags.size() - 1) > 0) {
                long lag = probe.lag("assessment-service", Topics.INTAKE);
                lags.add(lag);
                lagPeak = Math.max(lagPeak, lag);
                heapPeak = Math.max(heapPeak, StackProbe.metric(client.metrics(Component.ASSESSMENT), "jvm_memory_used_bytes", "area=\"heap\""));
                rssPeak = Math.max(rssPeak, residentBytes(stack.pid(Component.ASSESSMENT)));
                if (lags.size() > 600) {
                    break;
                }
                StackProbe.pause(Duration.ofMillis(500));
            }
            clinics.get(PROCESSING.toSeconds(), TimeUnit.SECONDS);
            List<String> acknowledged = load.acknowledged();
            awaitProcessed(acknowledged);
            Duration recovery = Duration.ofNanos(System.nanoTime() - lastPosted.get()); // from the last case posted to lag 0
            System.out.printf("RELIABILITY slow consumer (%d ms per event): lag samples %s, peak %d; assessment heap peak %.0f MB of %.0f MB, RSS peak %d MB%n",
                    SLOW_HANDLER.toMillis(), lags, lagPeak, heapPeak / 1e6, heapMax / 1e6, rssPeak / (1024 * 1024));

            Figures figures = check("9 slow consumer (" + SLOW_HANDLER.toMillis() + " ms/event)", acknowledged, 0, load.refused(), recovery);
            long peak = lagPeak;
            double heap = heapPeak;
            long rss = rssPeak;
            verdict(figures, () -> {
                assertThat(peak).as("assessment's lag grew while clinics posted faster than it consumed").isGreaterThanOrEqualTo(cases / 3);
                assertThat(heap).as("heap used while lagging").isPositive().isLessThan(heapMax * 0.9);
                assertThat(rss).as("resident memory while lagging").isPositive().isLessThan(RSS_BOUND_BYTES);
                assertThat(lags.get(lags.size() - 1)).as("lag drained").isZero();
                assertClean(figures, acknowledged.size() * 2);
            });
        } finally {
            stack.stopService(Component.ASSESSMENT);
            stack.startService(Component.ASSESSMENT);
        }
    }

    /** Resident set size of a process, from /proc (Linux); 0 where /proc is absent. */
    static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return 0;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Scenario 10: a handler that throws an Error (test-only fault passerelle.faults.error-on-event-type).

    static final String BINDING = "intakeEvents-in-0";

    @Test
    @Order(11)
    void aHandlerErrorStopsTheConsumerVisiblyDeadLettersItsEventAndARestartCatchesUp() throws Exception {
        String deadLetterTopic = Topics.deadLetter(Topics.INTAKE, "assessment-service");
        long deadLettersBefore = total(probe.endOffsets(deadLetterTopic));
        stack.stopService(Component.ASSESSMENT);
        stack.startService(Component.ASSESSMENT, "--passerelle.faults.error-on-event-type=" + EventCatalog.CASE_CLOSED.name());
        try {
            CaseLoad load = new CaseLoad(client, "handler-error-" + UUID.randomUUID());
            int third = Math.max(3, CASES / 3);
            load.open(third);
            awaitProcessed(load.acknowledged());
            assertThat(consumerStatus()).as("consumers.%s before the Error", BINDING).isEqualTo("UP");

            String closedCase = "case-error-" + UUID.randomUUID();
            String closed = """
                    {"specversion":"1.0","id":"%s","source":"/reliability-tests","type":"%s","time":"%s","subject":"%s",
                     "datacontenttype":"application/json","sequence":2,"data":{"caseId":"%s","reason":"%s","closedAt":"%s"}}"""
                    .formatted(UUID.randomUUID(), EventCatalog.CASE_CLOSED.name(), Instant.now(), closedCase, closedCase,
                            ca.passerelle.events.GoldenSamples.payload(EventCatalog.CASE_CLOSED).reason(), Instant.now());
            RecordMetadata errorRecord = produce(closedCase, closed.getBytes(StandardCharsets.UTF_8));
            Duration detected = StackProbe.await("consumers." + BINDING + " DOWN", RECOVERY, () -> "DOWN".equals(consumerStatus()));
            String overall = health(Component.ASSESSMENT).path("status").asString();
            double stoppedGauge = StackProbe.metric(client.metrics(Component.ASSESSMENT), "passerelle_consumers_stopped",
                    "binding=\"" + BINDING + "\"");
            StackProbe.await("the Error's event in assessment's dead letters", RECOVERY,
                    () -> total(probe.endOffsets(deadLetterTopic)) > deadLettersBefore);

            // Stopped, not silently skipping: cases posted now wait in the lag, unassessed.
            load.open(third);
            List<String> whileStopped = load.acknowledged().subList(third, load.acknowledged().size());
            StackProbe.pause(Duration.ofSeconds(3));
            long lagWhileStopped = probe.lag("assessment-service", Topics.INTAKE);
            int assessedWhileStopped = probe.countPresent(ASSESSMENT_DB, ASSESSMENTS, whileStopped);
            String stillDown = consumerStatus();
            System.out.printf("RELIABILITY handler Error: consumers.%s DOWN %d ms after the record was produced, service status %s, "
                    + "passerelle_consumers_stopped=%s, lag %d while stopped, %d of %d new cases assessed while stopped%n",
                    BINDING, detected.toMillis(), overall, stoppedGauge, lagWhileStopped, assessedWhileStopped, whileStopped.size());

            stack.stopService(Component.ASSESSMENT);
            stack.startService(Component.ASSESSMENT); // the operator's fix: a restart without the fault
            long faultEnded = System.nanoTime();
            load.open(third - 1);
            List<String> cases = load.acknowledged();
            awaitProcessed(cases);
            Duration recovery = Duration.ofNanos(System.nanoTime() - faultEnded);
            List<ConsumerRecord<String, byte[]>> deadLetters = probe.records(deadLetterTopic).stream()
                    .filter(record -> record.offset() >= deadLettersBefore).toList();
            String statusAfter = consumerStatus();
            double gaugeAfter = StackProbe.metric(client.metrics(Component.ASSESSMENT), "passerelle_consumers_stopped", "binding=\"" + BINDING + "\"");

            Figures figures = check("10 handler throws an Error", cases, deadLetters.size(), load.refused(), recovery);
            verdict(figures, () -> {
                assertThat(overall).as("assessment's health while its consumer is stopped").isEqualTo("DOWN");
                assertThat(stoppedGauge).as("passerelle_consumers_stopped{binding=%s} while stopped", BINDING).isEqualTo(1.0);
                assertThat(stillDown).as("consumers.%s while stopped", BINDING).isEqualTo("DOWN");
                assertThat(lagWhileStopped).as("assessment's lag while stopped").isGreaterThanOrEqualTo(whileStopped.size());
                assertThat(assessedWhileStopped).as("cases assessed while the consumer was stopped").isZero();
                assertThat(deadLetters).as("assessment's dead letters: the Error's event, once").hasSize(1);
                assertThat(origin(deadLetters.get(0), "partition") + "@" + origin(deadLetters.get(0), "offset"))
                        .isEqualTo(errorRecord.partition() + "@" + errorRecord.offset());
                Header reason = deadLetters.get(0).headers().lastHeader("x-exception-message");
                assertThat(reason).as("the dead letter's reason").isNotNull();
                assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("InjectedFaultError").contains(BINDING);
                assertThat(statusAfter).as("consumers.%s after the restart", BINDING).isEqualTo("UP");
                assertThat(gaugeAfter).as("passerelle_consumers_stopped after the restart").isZero();
                assertClean(figures, cases.size() * 2);
            });
        } finally {
            if (!"UP".equals(stack.healthOfAll().get(Component.ASSESSMENT)) || !"UP".equals(consumerStatusOrNone())) {
                stack.stopService(Component.ASSESSMENT);
                stack.startService(Component.ASSESSMENT);
            }
        }
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** A service's own /actuator/health (open, components shown). */
    private tools.jackson.databind.JsonNode health(Component component) {
        try {
            java.net.http.HttpResponse<String> response = HTTP.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(stack.baseUrl(component) + "/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("health of " + component.module() + " unreadable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Assessment's health component consumers.intakeEvents-in-0 (the platform's per-binding consumer health). */
    private String consumerStatus() {
        return health(Component.ASSESSMENT).path("components").path("consumers").path("components").path(BINDING).path("status").asString();
    }

    private String consumerStatusOrNone() {
        try {
            return consumerStatus();
        } catch (RuntimeException e) {
            return "none";
        }
    }

    private java.util.Set<String> members(String group) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = probe.admin()) {
            return admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group).members().stream()
                    .map(member -> member.consumerId()).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The checker, shared by every scenario.

    /** Each acknowledged case: its CaseOpened on the intake topic and assessment's verdict on the assessment topic, once. */
    private static List<Expectation> expectations(List<String> cases) {
        List<Expectation> expected = new ArrayList<>();
        for (String caseId : cases) {
            expected.add(new Expectation(Topics.INTAKE, caseId, OPENED));
            expected.add(new Expectation(Topics.ASSESSMENT, caseId, VERIFIED));
        }
        return expected;
    }

    private Figures check(String scenario, List<String> cases, int deadLetters, int refused, Duration recovery) {
        return Figures.compute(scenario, expectations(cases), probe.events(Topics.INTAKE, Topics.ASSESSMENT),
                probe.stateDuplicates(ASSESSMENT_DB, ASSESSMENTS, cases), deadLetters, refused, recovery);
    }

    /** Processed: every case assessed and published, and every group of the intake and assessment topics has no lag. */
    private void awaitProcessed(List<String> cases) {
        StackProbe.await(cases.size() + " cases to be processed and every consumer group to catch up", PROCESSING, () -> {
            if (probe.countPresent(ASSESSMENT_DB, ASSESSMENTS, cases) < cases.size()) {
                return false;
            }
            Figures figures = Figures.compute("progress", expectations(cases), probe.events(Topics.INTAKE, Topics.ASSESSMENT), 0, 0, 0,
                    Duration.ZERO);
            if (figures.lost() > 0) {
                return false;
            }
            for (String group : INTAKE_GROUPS) {
                if (probe.lag(group, Topics.INTAKE) > 0) {
                    return false;
                }
            }
            return probe.lag("travel-coordination-service", Topics.ASSESSMENT) == 0 && probe.lag("operations-dashboard", Topics.ASSESSMENT) == 0;
        });
    }

    private void assertClean(Figures figures, int expectedSent) {
        assertThat(figures.sent()).as("sent").isEqualTo(expectedSent);
        assertThat(figures.lost()).as("lost " + figures.lostSamples()).isZero();
        assertThat(figures.visibleDuplicates()).as("visible duplicates on the topics").isZero();
        assertThat(figures.stateDuplicates()).as("visible duplicates in assessment's state").isZero();
        assertThat(figures.orderViolations()).as("per-case order").isZero();
        assertThat(figures.recovery()).as("lag back to zero after the fault ended").isLessThan(RECOVERY);
    }

    private static void verdict(Figures figures, Runnable assertions) {
        try {
            assertions.run();
        } catch (AssertionError e) {
            Summary.record(figures, false);
            throw e;
        }
        Summary.record(figures, true);
    }

    private long pendingOutbox(String caseId) {
        Document document = probe.document(ASSESSMENT_DB, ASSESSMENTS, caseId);
        return document == null ? 0 : document.getList("outbox", Document.class, List.of()).size();
    }

    private RecordMetadata produce(String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            return producer.send(new ProducerRecord<>(Topics.INTAKE, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A dead letter's original topic/partition/offset header, whichever naming the binder used, as text. */
    static String origin(ConsumerRecord<String, byte[]> record, String what) {
        for (String name : List.of("kafka_dlt-original-" + what, "x-original-" + what)) {
            Header header = record.headers().lastHeader(name);
            if (header == null) {
                continue;
            }
            byte[] value = header.value();
            if (what.equals("topic")) {
                return new String(value, StandardCharsets.UTF_8);
            }
            if (value.length == Integer.BYTES) {
                return String.valueOf(ByteBuffer.wrap(value).getInt());
            }
            if (value.length == Long.BYTES) {
                return String.valueOf(ByteBuffer.wrap(value).getLong());
            }
            return new String(value, StandardCharsets.UTF_8);
        }
        return "missing";
    }
}
