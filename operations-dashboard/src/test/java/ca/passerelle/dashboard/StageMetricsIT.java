package ca.passerelle.dashboard;

import static ca.passerelle.events.EventCatalog.CASE_OPENED;
import static ca.passerelle.events.EventCatalog.CONSERVATIVE_CARE_VERIFIED;
import static ca.passerelle.events.EventCatalog.SURGERY_RECOMMENDED;
import static ca.passerelle.events.EventCatalog.SYMPTOMS_REPORTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.EventType;
import ca.passerelle.platform.messaging.AggregateStore;
import ca.passerelle.testinfra.TestInfrastructure;
import ca.passerelle.testinfra.TestIssuer;
import ca.passerelle.testinfra.TopicProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The dashboard as the pathway's stage clock, on the real broker and database: a case moving stage is counted as leaving
 * the previous stage (after the time between the two events) and entering the next; a duplicate delivery moves no
 * metric; a stage's SLA breach is counted once per case and stage however many checks run; the rebuild records nothing.
 */
@DashboardIntegrationTest
class StageMetricsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String ENTERED = "passerelle.case.stage.entered";
    private static final String DURATION = "passerelle.case.stage.duration";
    private static final String BREACHES = "passerelle.case.sla.breaches";

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aStageChangeIsCountedAsLeavingTheStageAfterTheTimeBetweenTheEventsAndEnteringTheNext() {
        CaseEvents patient = CaseEvents.forNewCase();
        Instant opened = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
        double triageEntered = entered("triage");
        double evaluationEntered = entered("awaiting-evaluation");
        long triageLeft = left("triage");
        double triageSeconds = secondsIn("triage");

        send(CASE_OPENED, patient.event(CASE_OPENED, opened));
        awaitStage(patient, "TRIAGE");
        assertThat(entered("triage")).isEqualTo(triageEntered + 1);
        assertThat(left("triage")).isEqualTo(triageLeft);

        send(CONSERVATIVE_CARE_VERIFIED, patient.event(CONSERVATIVE_CARE_VERIFIED, opened.plus(Duration.ofMinutes(125))));
        awaitStage(patient, "AWAITING_EVALUATION");

        assertThat(entered("awaiting-evaluation")).isEqualTo(evaluationEntered + 1);
        assertThat(left("triage")).isEqualTo(triageLeft + 1);
        assertThat(secondsIn("triage") - triageSeconds).as("time in triage, from the events' times").isEqualTo(125 * 60.0);
        assertThat(entered("triage")).isEqualTo(triageEntered + 1);
    }

    @Test
    void aDuplicateDeliveryMovesNoStageMetric() {
        CaseEvents patient = CaseEvents.forNewCase();
        Instant opened = Instant.now().minus(Duration.ofHours(1));
        send(CASE_OPENED, patient.event(CASE_OPENED, opened));
        EventEnvelope verified = patient.event(CONSERVATIVE_CARE_VERIFIED, opened.plusSeconds(600));
        send(CONSERVATIVE_CARE_VERIFIED, verified);
        awaitStage(patient, "AWAITING_EVALUATION");
        double evaluationEntered = entered("awaiting-evaluation");
        long triageLeft = left("triage");
        double duplicatesBefore = duplicates();

        send(CONSERVATIVE_CARE_VERIFIED, verified);

        await().atMost(PATIENCE).until(() -> duplicates() > duplicatesBefore);
        assertThat(entered("awaiting-evaluation")).isEqualTo(evaluationEntered);
        assertThat(left("triage")).isEqualTo(triageLeft);
    }

    @Test
    void aStagesSlaBreachIsCountedOncePerCaseAndStage() throws Exception {
        // opened five days ago: past triage's two days at once
        CaseEvents patient = CaseEvents.forNewCase();
        Instant opened = Instant.now().minus(Duration.ofDays(5));
        double breachesBefore = breaches("triage");
        long claimsBefore = claims("TRIAGE");

        send(CASE_OPENED, patient.event(CASE_OPENED, opened));
        awaitStage(patient, "TRIAGE");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(claimsOf(patient)).hasSize(1));
        // an event that keeps the case in triage, a duplicate delivery and several more checks (one a second) change nothing
        EventEnvelope symptoms = patient.event(SYMPTOMS_REPORTED, opened.plusSeconds(60));
        send(SYMPTOMS_REPORTED, symptoms);
        send(SYMPTOMS_REPORTED, symptoms);
        await().pollDelay(Duration.ofSeconds(4)).atMost(PATIENCE).untilAsserted(() ->
                assertThat(Http.asCoordinator(port).json("/api/cases/" + patient.caseId() + "/timeline")).hasSize(2));

        assertThat(claimsOf(patient)).singleElement().satisfies(claim -> {
            assertThat(claim.getString("stage")).isEqualTo("TRIAGE");
            assertThat(claim.getDate("stageSince").toInstant()).isEqualTo(opened.truncatedTo(ChronoUnit.MILLIS));
        });
        // one count per claim (another case may breach meanwhile: its claim precedes its count by a moment)
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(breaches("triage") - breachesBefore)
                .isEqualTo(claims("TRIAGE") - claimsBefore).isGreaterThanOrEqualTo(1));

        // the same names on the scrape path, tagged by stage only
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/prometheus")).header("Authorization", "Bearer " + TestIssuer.get().token("metrics-scraper",
                List.of("OPERATOR"), Map.of())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).containsPattern("passerelle_case_sla_breaches_total\\{[^}]*stage=\"triage\"[^}]*}")
                .containsPattern("passerelle_case_stage_entered_total\\{[^}]*stage=\"triage\"[^}]*}")
                .containsPattern("passerelle_case_stage_duration_seconds_count\\{[^}]*stage=\"triage\"[^}]*}")
                .doesNotContain(patient.caseId());
    }

    @Test
    void theRebuildRecordsNoStageMetric() {
        CaseEvents patient = CaseEvents.forNewCase();
        Instant opened = Instant.now().minus(Duration.ofDays(20));
        send(CASE_OPENED, patient.event(CASE_OPENED, opened));
        send(CONSERVATIVE_CARE_VERIFIED, patient.event(CONSERVATIVE_CARE_VERIFIED, opened.plus(Duration.ofDays(1))));
        send(SURGERY_RECOMMENDED, patient.event(SURGERY_RECOMMENDED, opened.plus(Duration.ofDays(2))));
        awaitStage(patient, "SURGERY_SCHEDULING");
        double liveEntered = total(ENTERED);
        long liveLeft = meters.find(DURATION).timers().stream().mapToLong(Timer::count).sum();

        String database = "operations-dashboard-rebuild-" + UUID.randomUUID();
        try (ConfigurableApplicationContext rebuilt = OperationsDashboardApplication.application(true).run("--rebuild",
                "--spring.mongodb.uri=" + TestInfrastructure.servers().mongoUri(database),
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka,
                "--passerelle.security.issuer=" + TestIssuer.get().issuer(),
                "--passerelle.dashboard.sla.check-interval=100ms",
                "--spring.cloud.stream.default.group=stage-metrics-it-" + UUID.randomUUID())) {
            MongoTemplate replayed = rebuilt.getBean(MongoTemplate.class);
            Document summary = replayed.findById(patient.caseId(), Document.class, "case-summaries");
            assertThat(summary).as("the rebuild replayed the case").isNotNull();
            assertThat(summary.getString("stage")).isEqualTo("SURGERY_SCHEDULING");
            MeterRegistry rebuiltMeters = rebuilt.getBean(MeterRegistry.class);
            assertThat(rebuiltMeters.find(ENTERED).counters()).as("no stage entered while replaying").isEmpty();
            assertThat(rebuiltMeters.find(DURATION).timers()).as("no stage left while replaying").isEmpty();
            assertThat(rebuiltMeters.find(BREACHES).counters()).as("no SLA breach counted while replaying").isEmpty();
            assertThat(replayed.getCollection("sla-breaches").countDocuments()).isZero();
        }
        assertThat(total(ENTERED)).as("the live dashboard's metrics are untouched by the rebuild").isEqualTo(liveEntered);
        assertThat(meters.find(DURATION).timers().stream().mapToLong(Timer::count).sum()).isEqualTo(liveLeft);
    }

    private void awaitStage(CaseEvents patient, String stage) {
        Http http = Http.asCoordinator(port);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(http.get("/api/cases/" + patient.caseId()).getBody()).contains("\"stage\":\"" + stage + "\""));
    }

    private void send(EventType<?> type, EventEnvelope envelope) {
        TopicProbe.send(kafka, type.topic(), envelope.subject(), EventCodec.write(envelope));
    }

    private double entered(String stage) {
        Counter counter = meters.find(ENTERED).tag("stage", stage).counter();
        return counter == null ? 0 : counter.count();
    }

    private long left(String stage) {
        Timer timer = meters.find(DURATION).tag("stage", stage).timer();
        return timer == null ? 0 : timer.count();
    }

    private double secondsIn(String stage) {
        Timer timer = meters.find(DURATION).tag("stage", stage).timer();
        return timer == null ? 0 : timer.totalTime(TimeUnit.SECONDS);
    }

    private double breaches(String stage) {
        Counter counter = meters.find(BREACHES).tag("stage", stage).counter();
        return counter == null ? 0 : counter.count();
    }

    private double total(String counterName) {
        return meters.find(counterName).counters().stream().mapToDouble(Counter::count).sum();
    }

    private double duplicates() {
        return meters.find("passerelle.events.consumed").tag("outcome", AggregateStore.Outcome.DUPLICATE.name().toLowerCase())
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    private long claims(String stage) {
        return mongo.count(Query.query(Criteria.where("stage").is(stage)), "sla-breaches");
    }

    private List<Document> claimsOf(CaseEvents patient) {
        return mongo.find(Query.query(Criteria.where("caseId").is(patient.caseId())), Document.class, "sla-breaches");
    }
}
