package ca.passerelle.rehab.plan;

import static ca.passerelle.rehab.plan.CaseEvents.caseOpened;
import static ca.passerelle.rehab.plan.CaseEvents.newCaseId;
import static ca.passerelle.rehab.plan.CaseEvents.surgeryCompleted;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.github.tomakehurst.wiremock.WireMockServer;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.EventType;
import ca.passerelle.events.Topics;
import ca.passerelle.events.rehab.AlertKind;
import ca.passerelle.events.rehab.AlertSeverity;
import ca.passerelle.events.rehab.FollowUpAlertRaised;
import ca.passerelle.events.rehab.RehabPhase;
import ca.passerelle.events.rehab.RehabPhaseAdvanced;
import ca.passerelle.rehab.RehabFollowupApplication;
import ca.passerelle.testinfra.MutableClock;
import ca.passerelle.testinfra.TestInfrastructure;
import ca.passerelle.testinfra.TestIssuer;
import ca.passerelle.testinfra.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The sweep's acceptance: two complete instances of the service (two application contexts, each with its own MongoDB and
 * Kafka clients, listeners in one consumer group, outbox relay, ShedLock client and <b>scheduled</b> sweep every 100 ms,
 * the lock released as soon as a sweep ends) on <b>one database</b>. Their {@link Clock} bean is moved 60 days on: each
 * missed checkpoint is alerted exactly once on the topic, the phase change published once, and both instances did sweep.
 */
class FollowUpSweepInstancesIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final WireMockServer gateway = new WireMockServer(options().dynamicPort());
    /** Shared by both instances, as the wall clock is shared by two machines. */
    private static final MutableClock CLOCK = new MutableClock();
    private static final String LAVAL = "clinic-qc-laval-01";
    private static final String LAVAL_REHAB = "rehab-qc-laval-01";
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @BeforeAll
    static void directory() {
        gateway.start();
        gateway.stubFor(get(urlPathEqualTo("/api/facilities")).withQueryParam("region", equalTo("QC-13")).willReturn(okJson("""
                {"facilities":[{"id":"%s","kind":"REHAB_CLINIC","country":"CA","region":"QC-13","languages":["fr"]}],
                 "stale":false,"asOf":"2026-11-28T16:00:00Z","ageSeconds":0}""".formatted(LAVAL_REHAB))));
    }

    @AfterAll
    static void stopGateway() {
        gateway.stop();
    }

    @Test
    void twoInstancesRunningTheScheduledSweepOnOneDatabaseRaiseEachMissedCheckpointAlertExactlyOnce() {
        String database = "rehab-instances-" + RUN;
        LocalDate performedOn = LocalDate.now(ZoneOffset.UTC).minusDays(10);
        String caseId = newCaseId();

        try (ConfigurableApplicationContext one = start(database); ConfigurableApplicationContext two = start(database)) {
            MongoTemplate mongo = one.getBean(MongoTemplate.class);
            TopicProbe.send(kafka(), Topics.INTAKE, caseId, caseOpened(caseId, LAVAL, "QC-13"));
            TopicProbe.send(kafka(), Topics.TRAVEL, caseId, surgeryCompleted(caseId, performedOn));
            await().atMost(PATIENCE).until(() -> stored(mongo, caseId).filter(RehabPlan::isPlanned)
                    .filter(plan -> LAVAL_REHAB.equals(plan.rehabClinicId())).isPresent());
            // Ten days after surgery nothing is due: both instances sweep and find nothing to do.
            await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> sweeps(one, "swept") + sweeps(two, "swept") >= 4
                    && stored(mongo, caseId).orElseThrow().alerts().isEmpty());

            // Seventy days after surgery: the 2-week and 6-week checkpoints are past their 7-day grace (the 3-month one is not
            // due) and time says muscle strengthening (immobilisation 2 weeks, mobilisation 6 weeks).
            CLOCK.advance(Duration.ofDays(60));
            double sweptBefore = sweeps(one, "swept") + sweeps(two, "swept");
            await().atMost(PATIENCE).until(() -> missedCheckpointAlerts(caseId).size() >= 2);
            // Both instances keep sweeping every 100 ms; nothing more is raised.
            await().during(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> missedCheckpointAlerts(caseId).size() == 2
                    && published(caseId, EventCatalog.REHAB_PHASE_ADVANCED).size() == 1);
            assertThat(sweeps(one, "swept") + sweeps(two, "swept")).as("the scheduled sweeps ran after the clock moved")
                    .isGreaterThan(sweptBefore + 10);
            assertThat(sweeps(one, "swept")).as("instance one swept").isPositive();
            assertThat(sweeps(two, "swept")).as("instance two swept").isPositive();

            List<LocalDate> missed = List.of(performedOn.plusWeeks(2), performedOn.plusWeeks(6));
            assertThat(missedCheckpointAlerts(caseId)).extracting(FollowUpAlertRaised::alertId).containsExactlyInAnyOrderElementsOf(
                    missed.stream().map(due -> FollowUpAlert.idFor(caseId, due.toString(), AlertKind.MISSED_CHECKPOINT)).toList());
            assertThat(missedCheckpointAlerts(caseId)).allSatisfy(alert -> assertThat(alert.severity()).isEqualTo(AlertSeverity.MEDIUM));
            assertThat(published(caseId, EventCatalog.REHAB_PHASE_ADVANCED)).singleElement().satisfies(advanced -> {
                assertThat(advanced.from()).isEqualTo(RehabPhase.INITIAL_IMMOBILISATION);
                assertThat(advanced.to()).isEqualTo(RehabPhase.MUSCLE_STRENGTHENING);
            });
            RehabPlan plan = stored(mongo, caseId).orElseThrow();
            assertThat(plan.alerts()).extracting(FollowUpAlert::checkpointDueOn).containsExactlyInAnyOrderElementsOf(missed);
            assertThat(plan.currentPhase()).isEqualTo(RehabPhase.MUSCLE_STRENGTHENING);
            assertThat(mongo.getCollection("shedLock").find(new Document("_id", FollowUpSweep.LOCK_NAME)).first()).isNotNull();
        }
    }

    /** The clock bean of both instances (registered as a source, so that no component scan finds it elsewhere). */
    static class SharedClock {

        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    private static ConfigurableApplicationContext start(String database) {
        TestInfrastructure.Servers servers = TestInfrastructure.servers();
        return new SpringApplicationBuilder(RehabFollowupApplication.class, SharedClock.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + servers.kafkaBootstrapServers(),
                "--spring.cloud.stream.kafka.binder.brokers=" + servers.kafkaBootstrapServers(),
                // One group for the two instances, none shared with the other tests' contexts.
                "--spring.cloud.stream.default.group=rehab-instances-" + RUN,
                "--spring.mongodb.uri=" + servers.mongoUri(database),
                "--passerelle.security.issuer=" + TestIssuer.get().issuer(),
                "--passerelle.rehab.facility-gateway.base-url=" + gateway.baseUrl(),
                "--passerelle.messaging.relay-interval=200ms",
                "--passerelle.rehab.follow-up.sweep-enabled=true",
                "--passerelle.rehab.follow-up.sweep-interval=100ms",
                "--passerelle.rehab.follow-up.sweep-lock-at-least-for=0s");
    }

    private static double sweeps(ConfigurableApplicationContext instance, String outcome) {
        return instance.getBean(MeterRegistry.class).get(FollowUpSweep.RUNS).tag("outcome", outcome).counter().count();
    }

    private static List<FollowUpAlertRaised> missedCheckpointAlerts(String caseId) {
        return published(caseId, EventCatalog.FOLLOW_UP_ALERT_RAISED).stream()
                .filter(alert -> alert.kind() == AlertKind.MISSED_CHECKPOINT).toList();
    }

    private static <T> List<T> published(String caseId, EventType<T> type) {
        return TopicProbe.readAll(kafka(), Topics.REHAB, record -> caseId.equals(record.key())).stream()
                .map(record -> EventCodec.read(record.value()))
                .filter(envelope -> envelope.type().equals(type.name()))
                .map((EventEnvelope envelope) -> EventCodec.payload(envelope, type))
                .toList();
    }

    private static Optional<RehabPlan> stored(MongoTemplate mongo, String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, RehabPlan.class));
    }

    private static String kafka() {
        return TestInfrastructure.servers().kafkaBootstrapServers();
    }
}
