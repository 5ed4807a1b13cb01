package ca.passerelle.rehab.plan;

import static ca.passerelle.rehab.plan.CaseEvents.careCoordinationWithdrawn;
import static ca.passerelle.rehab.plan.CaseEvents.caseOpened;
import static ca.passerelle.rehab.plan.CaseEvents.newCaseId;
import static ca.passerelle.rehab.plan.CaseEvents.surgeryCompleted;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.EventType;
import ca.passerelle.events.Topics;
import ca.passerelle.events.intake.ClosureReason;
import ca.passerelle.events.rehab.AlertKind;
import ca.passerelle.events.rehab.AlertSeverity;
import ca.passerelle.events.rehab.FollowUpAlertAcknowledged;
import ca.passerelle.events.rehab.FollowUpAlertRaised;
import ca.passerelle.events.rehab.FollowUpRecorded;
import ca.passerelle.events.rehab.Progress;
import ca.passerelle.events.rehab.RehabClosure;
import ca.passerelle.events.rehab.RehabCompleted;
import ca.passerelle.events.rehab.RehabPlanCreated;
import ca.passerelle.platform.audit.AuditEntry;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import tools.jackson.databind.JsonNode;

/**
 * The follow-up end to end: intake and travel events on the real broker, plans in the real database, WireMock playing
 * facility-gateway (its stale answers included), reports and alerts over HTTP, events leaving through the outbox.
 * The scheduled sweep is off here: tests run it themselves, with their own clocks and lock clients.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.messaging.relay-interval=200ms",
        "passerelle.rehab.follow-up.sweep-enabled=false",
        "passerelle.rehab.follow-up.sweep-lock-at-least-for=0s"})
@RealInfrastructure
class FollowUpIT {

    private static final WireMockServer gateway = new WireMockServer(options().dynamicPort());
    private static final String LAVAL = "clinic-qc-laval-01";
    private static final String MONTREAL = "clinic-qc-montreal-01";
    private static final String LAVAL_REHAB = "rehab-qc-laval-01";
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    /** Ten section scores of 3: ODI 60 %, twelve points worse than the golden baseline of 48 %. */
    private static final String ODI_60 = "[3,3,3,3,3,3,3,3,3,3]";

    static {
        gateway.start();
    }

    @DynamicPropertySource
    static void facilityGateway(DynamicPropertyRegistry registry) {
        registry.add("passerelle.rehab.facility-gateway.base-url", gateway::baseUrl);
    }

    @BeforeAll
    static void directory() {
        // Laval: the gateway's last-known copy, an hour old; the French-speaking clinic is chosen for the golden patient.
        stubRegion("QC-13", okJson("""
                {"facilities":[
                  {"id":"rehab-qc-laval-02","name":"Readaptation Laval Ouest","kind":"REHAB_CLINIC","country":"CA","region":"QC-13",
                   "city":"Laval","categories":[],"languages":["en"]},
                  {"id":"%s","name":"Centre de readaptation de Laval","kind":"REHAB_CLINIC","country":"CA","region":"QC-13",
                   "city":"Laval","categories":[],"languages":["fr"]}],
                 "stale":true,"asOf":"2026-11-28T15:00:00Z","ageSeconds":3600}""".formatted(LAVAL_REHAB)));
        // Montréal: no rehabilitation clinic in the directory, the referring clinic follows the patient up.
        stubRegion("QC-06", okJson("""
                {"facilities":[],"stale":false,"asOf":"2026-11-28T16:00:00Z","ageSeconds":0}"""));
        // Bas-Saint-Laurent: nothing answers at all (the connection is reset), as when the gateway itself is down.
        stubRegion("QC-01", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        // Capitale-Nationale: the gateway is down and has no copy (cold).
        stubRegion("QC-03", aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":503,\"title\":\"Facility API unavailable\"}"));
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    FollowUpService followUps;
    @Autowired
    FollowUpSweep sweep;
    @Autowired
    AuditTrail audit;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Value("${spring.mongodb.uri}")
    String mongoUri;
    @LocalServerPort
    int port;

    @Test
    void plansTheRehabilitationWithAClinicOfTheHomeRegionAndPublishesPlanAndSchedule() {
        String caseId = newCaseId();
        TopicProbe.send(kafka, Topics.INTAKE, caseId, caseOpened(caseId, LAVAL, "QC-13"));
        await().atMost(DELIVERY).until(() -> stored(caseId).flatMap(RehabPlan::referringClinicId).isPresent());
        TopicProbe.send(kafka, Topics.TRAVEL, caseId, surgeryCompleted(caseId, TODAY.minusDays(20)));

        await().atMost(DELIVERY).until(() -> stored(caseId).filter(RehabPlan::isPlanned).isPresent());
        RehabPlan plan = stored(caseId).orElseThrow();
        assertThat(plan.rehabClinicId()).isEqualTo(LAVAL_REHAB);
        assertThat(plan.checkpoints()).extracting(Checkpoint::dueOn).containsExactly(TODAY.minusDays(20).plusWeeks(2),
                TODAY.minusDays(20).plusWeeks(6), TODAY.minusDays(20).plusMonths(3), TODAY.minusDays(20).plusMonths(6),
                TODAY.minusDays(20).plusMonths(12));
        assertThat(plan.baseline()).contains(new Baseline(7, 48.0));

        RehabPlanCreated created = await().atMost(DELIVERY).until(() -> published(caseId, EventCatalog.REHAB_PLAN_CREATED), e -> e.size() == 1).get(0);
        assertThat(created.rehabClinicId()).isEqualTo(LAVAL_REHAB);
        assertThat(created.checkpoints()).isEqualTo(plan.checkpoints().stream().map(Checkpoint::dueOn).toList());
        assertThat(created.phases()).hasSize(4);
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/facilities"))
                .withQueryParam("region", equalTo("QC-13"))
                .withQueryParam("kind", equalTo("REHAB_CLINIC"))
                .withHeader("Authorization", matching("Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")));

        PlanApi.Answer forRehabClinic = api().plan(caseId, TestTokens.clinic(LAVAL_REHAB));
        assertThat(forRehabClinic.status()).isEqualTo(200);
        assertThat(forRehabClinic.json().get("rehabClinicId").asString()).isEqualTo(LAVAL_REHAB);
        assertThat(forRehabClinic.json().get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void aRetriedReportWithTheSameIdempotencyKeyIsRecordedOnceAndTheKeyCannotBeReusedForAnotherReport() throws Exception {
        String caseId = plannedCase(LAVAL, "QC-13", TODAY.minusDays(20));
        String body = report(TODAY.minusDays(6), 6, "[2,2,2,2,2,2,2,2,2,2]", "\"notes\":\"Marche 20 minutes\"");
        String key = "report-" + caseId;

        List<PlanApi.Answer> answers = new ArrayList<>();
        ExecutorService clinics = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<PlanApi.Answer>> racing = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                racing.add(clinics.submit(() -> {
                    together.await();
                    return api().post(followUps(caseId), TestTokens.clinic(LAVAL_REHAB), key, body);
                }));
            }
            for (Future<PlanApi.Answer> answer : racing) {
                answers.add(answer.get());
            }
        } finally {
            clinics.shutdownNow();
        }
        answers.add(api().post(followUps(caseId), TestTokens.clinic(LAVAL_REHAB), key, body.replace("{", "{ ")));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(201));
        assertThat(answers).extracting(answer -> answer.json().get("reportId").asString()).containsOnly(
                answers.get(0).json().get("reportId").asString());
        assertThat(answers.get(2).json().get("notes").asString()).isEqualTo("Marche 20 minutes");
        assertThat(stored(caseId).orElseThrow().reports()).hasSize(1);
        await().atMost(DELIVERY).until(() -> published(caseId, EventCatalog.FOLLOW_UP_RECORDED).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> published(caseId, EventCatalog.FOLLOW_UP_RECORDED).size() == 1);

        PlanApi.Answer reused = api().post(followUps(caseId), TestTokens.clinic(LAVAL_REHAB), key, body.replace("\"painNrs\":6", "\"painNrs\":7"));
        assertThat(reused.status()).as(reused.body()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.json().get("rule").asString()).isEqualTo("idempotency-key-reused");
        PlanApi.Answer tooLong = api().post(followUps(caseId), TestTokens.clinic(LAVAL_REHAB), "k".repeat(129), body);
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(stored(caseId).orElseThrow().reports()).hasSize(1);
    }

    @Test
    void raisesAnAlertVisibleToCoordinatorsWhenTheRehabClinicReportsAWorsening() {
        String caseId = plannedCase(LAVAL, "QC-13", TODAY.minusDays(20));
        LocalDate twoWeeks = TODAY.minusDays(6);

        PlanApi.Answer posted = api().post(followUps(caseId), TestTokens.clinic(LAVAL_REHAB), report(twoWeeks, 9, ODI_60,
                "\"redFlags\":[],\"complications\":true,\"adherence\":\"PARTIAL\",\"notes\":\"Douleur nocturne intense, sommeil perturbé\""));

        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode report = posted.json();
        assertThat(report.get("progress").asString()).isEqualTo("WORSENING");
        assertThat(report.get("odiPercent").asDouble()).isEqualTo(60.0);
        assertThat(report.get("odiBand").asString()).isEqualTo("SEVERE");
        assertThat(report.get("checkpointDueOn").asString()).isEqualTo(twoWeeks.toString());
        assertThat(report.get("notes").asString()).isEqualTo("Douleur nocturne intense, sommeil perturbé");

        FollowUpRecorded recorded = await().atMost(DELIVERY)
                .until(() -> published(caseId, EventCatalog.FOLLOW_UP_RECORDED), e -> e.size() == 1).get(0);
        assertThat(recorded.progress()).isEqualTo(Progress.WORSENING);
        assertThat(recorded.symptoms().odiPercent()).isEqualTo(60.0);
        FollowUpAlertRaised raised = await().atMost(DELIVERY)
                .until(() -> published(caseId, EventCatalog.FOLLOW_UP_ALERT_RAISED), e -> e.size() == 1).get(0);
        assertThat(raised.kind()).isEqualTo(AlertKind.WORSENING);
        assertThat(raised.severity()).isEqualTo(AlertSeverity.HIGH);
        assertThat(raised.reason()).isEqualTo("On " + twoWeeks + " NRS 9 (baseline 7) and ODI 60 % (baseline 48 %): clinically meaningful worsening");
        // The notes are sealed at rest and never leave the service.
        assertThat(rehabRecords(caseId)).allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).doesNotContain("nocturne"));
        assertThat(mongo.getCollection("rehab-plans").find(new Document("_id", caseId)).first().toJson()).doesNotContain("nocturne");

        JsonNode open = api().get("/api/alerts", TestTokens.coordinator()).json();
        JsonNode alert = find(open, raised.alertId()).orElseThrow();
        assertThat(alert.get("caseId").asString()).isEqualTo(caseId);
        assertThat(alert.get("severity").asString()).isEqualTo("HIGH");
        assertThat(alert.get("reason").asString()).isEqualTo(raised.reason());

        PlanApi.Answer acknowledged = api().post("/api/alerts/" + raised.alertId() + "/acknowledge", TestTokens.coordinator(), "");
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.json().get("acknowledgedBy").asString()).isEqualTo("coordonnatrice");
        assertThat(api().post("/api/alerts/" + raised.alertId() + "/acknowledge", TestTokens.coordinator(), "").status()).isEqualTo(200);
        FollowUpAlertAcknowledged ack = await().atMost(DELIVERY)
                .until(() -> published(caseId, EventCatalog.FOLLOW_UP_ALERT_ACKNOWLEDGED), e -> e.size() == 1).get(0);
        assertThat(ack.alertId()).isEqualTo(raised.alertId());
        assertThat(ack.acknowledgedBy()).isEqualTo("coordonnatrice");
        assertThat(find(api().get("/api/alerts", TestTokens.coordinator()).json(), raised.alertId())).isEmpty();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> published(caseId, EventCatalog.FOLLOW_UP_ALERT_ACKNOWLEDGED).size() == 1);
        assertThat(api().post("/api/alerts/al-unknown/acknowledge", TestTokens.coordinator(), "").status()).isEqualTo(404);

        PlanApi.Answer read = api().get(followUps(caseId), TestTokens.coordinator());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get(0).get("notes").asString()).startsWith("Douleur nocturne");
        assertThat(audit.entriesAbout("case", caseId)).extracting(AuditEntry::action).contains("follow-up.record", "follow-up.read");
    }

    @Test
    void letsNoClinicButTheAssignedOnePostOrReadFollowUps() {
        String caseId = plannedCase(LAVAL, "QC-13", TODAY.minusDays(20));
        String unknownId = newCaseId();
        String body = report(TODAY.minusDays(6), 5, ODI_60, "\"notes\":\"confidentiel\"");

        for (String clinic : List.of(LAVAL, MONTREAL, "rehab-qc-laval-02")) {
            PlanApi.Answer posted = api().post(followUps(caseId), TestTokens.clinic(clinic), body);
            PlanApi.Answer read = api().get(followUps(caseId), TestTokens.clinic(clinic));
            PlanApi.Answer unknown = api().post(followUps(unknownId), TestTokens.clinic(clinic), body);
            assertThat(posted.status()).as(clinic).isEqualTo(404);
            assertThat(read.status()).as(clinic).isEqualTo(404);
            assertThat(posted.contentType()).startsWith("application/problem+json");
            assertThat(posted.body().replace(caseId, "{caseId}")).isEqualTo(unknown.body().replace(unknownId, "{caseId}"))
                    .doesNotContain(LAVAL_REHAB).doesNotContain("confidentiel");
        }
        // The plan itself: its referring clinic (Laval) and its rehabilitation clinic read it; any other clinic, including
        // another rehabilitation clinic of the same region, gets the unknown case's 404.
        for (String foreign : List.of(MONTREAL, "rehab-qc-laval-02")) {
            PlanApi.Answer plan = api().plan(caseId, TestTokens.clinic(foreign));
            assertThat(plan.status()).as(foreign).isEqualTo(404);
            assertThat(plan.body().replace(caseId, "{caseId}"))
                    .isEqualTo(api().plan(unknownId, TestTokens.clinic(foreign)).body().replace(unknownId, "{caseId}"));
        }
        assertThat(api().plan(caseId, TestTokens.clinic(LAVAL)).status()).isEqualTo(200);
        assertThat(api().plan(caseId, TestTokens.clinic(LAVAL_REHAB)).status()).isEqualTo(200);
        assertThat(api().post(followUps(caseId), TestTokens.coordinator(), body).status()).isEqualTo(403);
        assertThat(api().post(followUps(caseId), TestTokens.hospital("fr-lyon-chu-01"), body).status()).isEqualTo(403);
        assertThat(api().get(followUps(caseId), TestTokens.hospital("fr-lyon-chu-01")).status()).isEqualTo(403);
        assertThat(stored(caseId).orElseThrow().reports()).isEmpty();

        assertThat(api().get(followUps(caseId), TestTokens.clinic(LAVAL_REHAB)).status()).isEqualTo(200);
        assertThat(api().get(followUps(caseId), TestTokens.specialist()).status()).isEqualTo(200);
        assertThat(api().post(followUps(caseId), TestTokens.clinic(LAVAL_REHAB), body).status()).isEqualTo(201);
    }

    @Test
    void refusesAQuestionnaireWithTwoUnansweredSectionsAsAProblemThatEchoesNothing() {
        String caseId = plannedCase(LAVAL, "QC-13", TODAY.minusDays(20));

        PlanApi.Answer twoMissing = api().post(followUps(caseId), TestTokens.clinic(LAVAL_REHAB),
                report(TODAY.minusDays(6), 5, "[3,3,null,3,3,3,3,3,3,null]", "\"notes\":\"secret-du-patient\""));
        PlanApi.Answer outOfRange = api().post(followUps(caseId), TestTokens.clinic(LAVAL_REHAB),
                report(TODAY.minusDays(6), 11, "[3,3,3,3,3,3,3,3,3,7]", "\"notes\":\"secret-du-patient\""));
        PlanApi.Answer future = api().post(followUps(caseId), TestTokens.clinic(LAVAL_REHAB), report(TODAY.plusDays(3), 5, ODI_60, ""));

        assertThat(twoMissing.status()).isEqualTo(400);
        assertThat(twoMissing.contentType()).startsWith("application/problem+json");
        assertThat(twoMissing.json().get("errors")).isNotEmpty();
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.json().get("errors").size()).isEqualTo(2);
        assertThat(List.of(twoMissing.body(), outOfRange.body())).allSatisfy(body -> assertThat(body).doesNotContain("secret-du-patient"));
        assertThat(future.status()).isEqualTo(422);
        assertThat(stored(caseId).orElseThrow().reports()).isEmpty();
    }

    @Test
    void assignsTheClinicLaterWhenTheGatewayWasDownAndTheReferringClinicWhenTheDirectoryHasNone() {
        String cold = newCaseId();
        String empty = newCaseId();
        String unreachable = newCaseId();
        TopicProbe.send(kafka, Topics.INTAKE, cold, caseOpened(cold, LAVAL, "QC-03"));
        TopicProbe.send(kafka, Topics.INTAKE, empty, caseOpened(empty, MONTREAL, "QC-06"));
        TopicProbe.send(kafka, Topics.INTAKE, unreachable, caseOpened(unreachable, LAVAL, "QC-01"));
        await().atMost(DELIVERY).until(() -> stored(cold).flatMap(RehabPlan::referringClinicId).isPresent()
                && stored(empty).flatMap(RehabPlan::referringClinicId).isPresent()
                && stored(unreachable).flatMap(RehabPlan::referringClinicId).isPresent());
        TopicProbe.send(kafka, Topics.TRAVEL, cold, surgeryCompleted(cold, TODAY.minusDays(3)));
        TopicProbe.send(kafka, Topics.TRAVEL, empty, surgeryCompleted(empty, TODAY.minusDays(3)));
        TopicProbe.send(kafka, Topics.TRAVEL, unreachable, surgeryCompleted(unreachable, TODAY.minusDays(3)));

        await().atMost(DELIVERY).until(() -> stored(cold).filter(RehabPlan::isPlanned).isPresent()
                && stored(empty).filter(RehabPlan::isPlanned).isPresent() && stored(unreachable).filter(RehabPlan::isPlanned).isPresent());
        assertThat(stored(cold).orElseThrow().rehabClinicId()).as("gateway without copy: planned anyway").isNull();
        assertThat(stored(unreachable).orElseThrow().rehabClinicId()).as("gateway unreachable: planned anyway").isNull();
        assertThat(stored(unreachable).orElseThrow().status()).isEqualTo(FollowUpStatus.ACTIVE);
        assertThat(stored(empty).orElseThrow().rehabClinicId()).isEqualTo(MONTREAL);
        assertThat(await().atMost(DELIVERY).until(() -> published(cold, EventCatalog.REHAB_PLAN_CREATED), e -> e.size() == 1).get(0)
                .rehabClinicId()).isNull();
        RehabPlanCreated unassigned = await().atMost(DELIVERY)
                .until(() -> published(unreachable, EventCatalog.REHAB_PLAN_CREATED), e -> e.size() == 1).get(0);
        assertThat(unassigned.rehabClinicId()).isNull();
        assertThat(unassigned.checkpoints()).hasSize(5);
        assertThat(api().post(followUps(cold), TestTokens.clinic(LAVAL), report(TODAY, 5, ODI_60, "")).status()).isEqualTo(404);

        stubRegion("QC-03", okJson("""
                {"facilities":[{"id":"rehab-qc-quebec-01","kind":"REHAB_CLINIC","country":"CA","region":"QC-03","languages":["fr"]}],
                 "stale":false,"asOf":"2026-11-28T16:00:00Z","ageSeconds":0}"""));
        await().atMost(DELIVERY).until(sweep::runOnce);

        assertThat(stored(cold).orElseThrow().rehabClinicId()).isEqualTo("rehab-qc-quebec-01");
        assertThat(api().get(followUps(cold), TestTokens.clinic("rehab-qc-quebec-01")).status()).isEqualTo(200);
        assertThat(stored(unreachable).orElseThrow().rehabClinicId()).as("still unreachable: left for a later sweep").isNull();
    }

    @Test
    void stopsTheFollowUpWhenCareCoordinationConsentIsWithdrawn() {
        String caseId = plannedCase(LAVAL, "QC-13", TODAY.minusDays(20));

        TopicProbe.send(kafka, Topics.INTAKE, caseId, careCoordinationWithdrawn(caseId));

        await().atMost(DELIVERY).until(() -> stored(caseId).orElseThrow().status() == FollowUpStatus.COMPLETED);
        RehabCompleted completed = await().atMost(DELIVERY)
                .until(() -> published(caseId, EventCatalog.REHAB_COMPLETED), e -> e.size() == 1).get(0);
        assertThat(completed.closure()).isEqualTo(RehabClosure.CONSENT_WITHDRAWN);
        assertThat(api().post(followUps(caseId), TestTokens.clinic(LAVAL_REHAB), report(TODAY.minusDays(6), 9, ODI_60, "")).status())
                .isEqualTo(409);
        assertThat(published(caseId, EventCatalog.FOLLOW_UP_ALERT_RAISED)).isEmpty();
    }

    @Test
    void neverPlansACaseClosedAtIntakeBeforeItsSurgeryAndEndsAPlannedOneWithTheClosureReason() {
        String notOperated = newCaseId();
        TopicProbe.send(kafka, Topics.INTAKE, notOperated, caseOpened(notOperated, LAVAL, "QC-13"));
        TopicProbe.send(kafka, Topics.INTAKE, notOperated, CaseEvents.caseClosed(notOperated, ClosureReason.PATIENT_DECLINED));
        await().atMost(DELIVERY).until(() -> stored(notOperated).map(RehabPlan::status).orElse(null) == FollowUpStatus.STOPPED);
        String operated = plannedCase(MONTREAL, "QC-06", TODAY.minusDays(20));

        TopicProbe.send(kafka, Topics.TRAVEL, notOperated, surgeryCompleted(notOperated, TODAY.minusDays(2)));
        TopicProbe.send(kafka, Topics.INTAKE, operated, CaseEvents.caseClosed(operated, ClosureReason.REFERRED_ELSEWHERE));

        RehabCompleted completed = await().atMost(DELIVERY)
                .until(() -> published(operated, EventCatalog.REHAB_COMPLETED), e -> e.size() == 1).get(0);
        assertThat(completed.closure()).isEqualTo(RehabClosure.REFERRED_ELSEWHERE);
        await().atMost(DELIVERY).until(() -> consumedEvents(notOperated) == 3);
        assertThat(stored(notOperated).orElseThrow().isPlanned()).isFalse();
        assertThat(rehabRecords(notOperated)).isEmpty();
    }

    @Test
    void completesTheFollowUpWhenTheRehabClinicReportsTheLastCheckpoint() {
        LocalDate performedOn = TODAY.minusMonths(12);
        String caseId = plannedCase(LAVAL, "QC-13", performedOn);

        // Ten sections of 1 (ODI 20 %) and NRS 3 against the baseline of 7 and 48 %: improving, at the 12-month checkpoint.
        PlanApi.Answer last = api().post(followUps(caseId), TestTokens.clinic(LAVAL_REHAB),
                report(TODAY, 3, "[1,1,1,1,1,1,1,1,1,1]", "\"adherence\":\"GOOD\""));

        assertThat(last.status()).as(last.body()).isEqualTo(201);
        assertThat(last.json().get("checkpointDueOn").asString()).isEqualTo(performedOn.plusMonths(12).toString());
        assertThat(last.json().get("progress").asString()).isEqualTo("IMPROVING");
        RehabCompleted completed = await().atMost(DELIVERY)
                .until(() -> published(caseId, EventCatalog.REHAB_COMPLETED), e -> e.size() == 1).get(0);
        assertThat(completed.closure()).isEqualTo(RehabClosure.PLAN_COMPLETED);
        assertThat(completed.lastProgress()).isEqualTo(Progress.IMPROVING);
        assertThat(completed.earlyClosure()).isFalse();
        assertThat(stored(caseId).orElseThrow().status()).isEqualTo(FollowUpStatus.COMPLETED);
        assertThat(api().plan(caseId, TestTokens.coordinator()).json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(api().post(followUps(caseId), TestTokens.clinic(LAVAL_REHAB), report(TODAY, 3, "[1,1,1,1,1,1,1,1,1,1]", ""))
                .status()).isEqualTo(409);
    }

    @Test
    void letsACoordinatorCloseTheFollowUpEarlyWithAReasonCode() {
        String caseId = plannedCase(LAVAL, "QC-13", TODAY.minusDays(20));

        assertThat(api().post(closure(caseId), TestTokens.clinic(LAVAL_REHAB), "{\"closure\":\"PATIENT_DECLINED\"}").status()).isEqualTo(403);
        assertThat(api().post(closure(caseId), TestTokens.coordinator(), "{\"closure\":\"PLAN_COMPLETED\"}").status()).isEqualTo(422);
        PlanApi.Answer closed = api().post(closure(caseId), TestTokens.coordinator(), "{\"closure\":\"PATIENT_DECLINED\"}");
        PlanApi.Answer again = api().post(closure(caseId), TestTokens.coordinator(), "{\"closure\":\"OTHER\"}");

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(again.status()).isEqualTo(409);
        RehabCompleted completed = await().atMost(DELIVERY)
                .until(() -> published(caseId, EventCatalog.REHAB_COMPLETED), e -> e.size() == 1).get(0);
        assertThat(completed.closure()).isEqualTo(RehabClosure.PATIENT_DECLINED);
        assertThat(api().post(closure(newCaseId()), TestTokens.coordinator(), "{\"closure\":\"OTHER\"}").status()).isEqualTo(404);
    }

    @Test
    void raisesEachMissedCheckpointAlertExactlyOnceWhenTwoInstancesSweepTheSameDatabase() throws Exception {
        String caseId = plannedCase(LAVAL, "QC-13", TODAY.minusDays(10));
        // Sixty days on, the 2-week and 6-week checkpoints are past their grace period; the 3-month one is not due.
        Clock later = Clock.fixed(TODAY.plusDays(60).atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        FollowUpProperties overlapping = rules(Duration.ofSeconds(3));
        FollowUpProperties backToBack = rules(Duration.ZERO);
        String database = new ConnectionString(mongoUri).getDatabase();

        try (MongoClient one = MongoClients.create(mongoUri); MongoClient two = MongoClients.create(mongoUri)) {
            MongoLockProvider lockOne = new MongoLockProvider(one.getDatabase(database));
            MongoLockProvider lockTwo = new MongoLockProvider(two.getDatabase(database));
            FollowUpSweep first = new FollowUpSweep(followUps, lockOne, later, overlapping, new SimpleMeterRegistry());
            FollowUpSweep second = new FollowUpSweep(followUps, lockTwo, later, overlapping, new SimpleMeterRegistry());

            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Boolean> a = pool.submit(() -> {
                    start.await();
                    return first.runOnce();
                });
                Future<Boolean> b = pool.submit(() -> {
                    start.await();
                    return second.runOnce();
                });
                assertThat(List.of(a.get(), b.get())).as("the lock lets one instance sweep").containsExactlyInAnyOrder(true, false);
            } finally {
                pool.shutdownNow();
            }

            // Once the lock is free, both instances sweep one after the other: the alert ids keep the alerts single.
            FollowUpSweep firstAgain = new FollowUpSweep(followUps, lockOne, later, backToBack, new SimpleMeterRegistry());
            FollowUpSweep secondAgain = new FollowUpSweep(followUps, lockTwo, later, backToBack, new SimpleMeterRegistry());
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(firstAgain::runOnce);
            assertThat(secondAgain.runOnce()).isTrue();
        }

        List<LocalDate> missed = List.of(TODAY.minusDays(10).plusWeeks(2), TODAY.minusDays(10).plusWeeks(6));
        await().atMost(DELIVERY).until(() -> missedCheckpointAlerts(caseId).size() == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6)).until(() -> missedCheckpointAlerts(caseId).size() == 2);
        assertThat(missedCheckpointAlerts(caseId)).extracting(FollowUpAlertRaised::alertId).containsExactlyInAnyOrderElementsOf(
                missed.stream().map(due -> FollowUpAlert.idFor(caseId, due.toString(), AlertKind.MISSED_CHECKPOINT)).toList());
        assertThat(missedCheckpointAlerts(caseId)).allSatisfy(alert -> assertThat(alert.severity()).isEqualTo(AlertSeverity.MEDIUM));
        assertThat(stored(caseId).orElseThrow().alerts()).extracting(FollowUpAlert::checkpointDueOn).containsExactlyInAnyOrderElementsOf(missed);
        assertThat(mongo.getCollection("shedLock").find(new Document("_id", FollowUpSweep.LOCK_NAME)).first()).isNotNull();
    }

    private int consumedEvents(String caseId) {
        Document raw = mongo.getCollection("rehab-plans").find(new Document("_id", caseId)).first();
        return raw == null ? 0 : raw.getList("consumedEventIds", String.class).size();
    }

    private List<FollowUpAlertRaised> missedCheckpointAlerts(String caseId) {
        return published(caseId, EventCatalog.FOLLOW_UP_ALERT_RAISED).stream()
                .filter(alert -> alert.kind() == AlertKind.MISSED_CHECKPOINT).toList();
    }

    private static FollowUpProperties rules(Duration lockAtLeastFor) {
        FollowUpProperties defaults = FollowUpProperties.defaults();
        return new FollowUpProperties(defaults.missedGrace(), defaults.reportWindow(), Period.ofMonths(3), defaults.sweepInterval(),
                Duration.ofMinutes(1), lockAtLeastFor);
    }

    /** A case opened by {@code clinic} for a patient of {@code region}, then operated on {@code performedOn}; planned and assigned. */
    private String plannedCase(String clinic, String region, LocalDate performedOn) {
        String caseId = newCaseId();
        TopicProbe.send(kafka, Topics.INTAKE, caseId, caseOpened(caseId, clinic, region));
        TopicProbe.send(kafka, Topics.TRAVEL, caseId, surgeryCompleted(caseId, performedOn));
        await().atMost(DELIVERY).until(() -> stored(caseId).filter(RehabPlan::isPlanned).filter(plan -> plan.rehabClinicId() != null)
                .isPresent());
        return caseId;
    }

    private static String report(LocalDate assessedOn, int nrs, String odiSections, String more) {
        return "{\"assessedOn\":\"" + assessedOn + "\",\"painNrs\":" + nrs + ",\"odiSectionScores\":" + odiSections
                + (more.isEmpty() ? "" : "," + more) + "}";
    }

    private static String followUps(String caseId) {
        return "/api/cases/" + caseId + "/follow-ups";
    }

    private static String closure(String caseId) {
        return "/api/cases/" + caseId + "/rehab-closure";
    }

    private static Optional<JsonNode> find(JsonNode alerts, String alertId) {
        List<JsonNode> found = new ArrayList<>();
        alerts.forEach(alert -> {
            if (alert.get("alertId").asString().equals(alertId)) {
                found.add(alert);
            }
        });
        return found.stream().findFirst();
    }

    private <T> List<T> published(String caseId, EventType<T> type) {
        return rehabRecords(caseId).stream()
                .map(record -> EventCodec.read(record.value()))
                .filter(envelope -> envelope.type().equals(type.name()))
                .map((EventEnvelope envelope) -> EventCodec.payload(envelope, type))
                .toList();
    }

    private List<ConsumerRecord<String, byte[]>> rehabRecords(String caseId) {
        return TopicProbe.readAll(kafka, Topics.REHAB, record -> caseId.equals(record.key()));
    }

    private Optional<RehabPlan> stored(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, RehabPlan.class));
    }

    private static void stubRegion(String region, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        gateway.stubFor(get(urlPathEqualTo("/api/facilities"))
                .withQueryParam("country", equalTo("CA"))
                .withQueryParam("region", equalTo(region))
                .withQueryParam("kind", equalTo("REHAB_CLINIC"))
                .willReturn(answer));
    }

    private PlanApi api() {
        return new PlanApi(port);
    }
}
