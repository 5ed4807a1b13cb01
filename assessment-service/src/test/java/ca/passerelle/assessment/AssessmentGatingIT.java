package ca.passerelle.assessment;

import static ca.passerelle.assessment.CaseOpenedEvents.caseOpened;
import static ca.passerelle.assessment.CaseOpenedEvents.newCaseId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import ca.passerelle.assessment.evaluation.AssessmentService;
import ca.passerelle.assessment.evaluation.ConservativeCarePolicy;
import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.intake.CareModality;
import ca.passerelle.events.intake.ConsentGrants;
import ca.passerelle.events.intake.ConsentPurpose;
import ca.passerelle.events.intake.ConservativeCareCourse;
import ca.passerelle.events.intake.RadiologicalFinding;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.platform.messaging.AggregateStore;
import ca.passerelle.platform.observability.CaseTraces;
import ca.passerelle.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Acceptance of issue #5 through the real broker: the later intake events (sessions, imaging, red flags, consents,
 * closure) move the assessment, {@code SurgeryRecommended} is published only when every condition holds, and the
 * gating route says which condition is missing.
 */
class AssessmentGatingIT extends ServiceIntegrationTest {

    private static final Duration PROCESSING = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final ConsentGrants ALL = new ConsentGrants(true, true, false);
    private static final ConsentGrants NO_CROSS_BORDER = new ConsentGrants(true, false, false);
    private static final String DECOMPRESSION = """
            {"decision":"SIMPLE_DECOMPRESSION","probableCauses":["EPIDURAL_FIBROSIS"],"rationale":"Compression L4-L5, pas d'instabilité"}""";

    @Autowired
    MongoTemplate mongo;
    @Autowired
    AggregateStore store;
    @Autowired
    ConservativeCarePolicy policy;
    @Autowired
    AuditTrail audit;
    @Autowired
    CaseTraces caseTraces;

    private Document stored(String caseId) {
        return mongo.findById(caseId, Document.class, "assessments");
    }

    private static LocalDate today() {
        return LocalDate.now(IntakeEvents.QUEBEC);
    }

    private JsonNode gating(String caseId, String token) {
        ResponseEntity<String> response = get("/api/assessments/" + caseId + "/gating", token);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json(response);
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    /** Waits until the case has published exactly {@code types}, then checks nothing else follows for a while. */
    private void awaitExactly(String caseId, String... types) {
        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() >= types.length);
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> publishedTypes(caseId).size() == types.length);
        assertThat(publishedTypes(caseId)).containsExactly(types);
    }

    @Test
    void neverRecommendsSurgeryForARedFlagReportedAfterVerificationWhateverArrivesLater() {
        String caseId = newCaseId();
        send(caseId, caseOpened(caseId));
        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() == 1);

        send(caseId, IntakeEvents.redFlag(caseId, RedFlag.PROGRESSIVE_NEUROLOGICAL_DEFICIT));
        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() == 2);
        ResponseEntity<String> refused = post("/api/assessments/" + caseId + "/evaluation", DECOMPRESSION, TestTokens.specialist());
        send(caseId, IntakeEvents.session(caseId, "s-late", CareModality.PHYSIOTHERAPY, today()));
        send(caseId, IntakeEvents.consents(caseId, ConsentPurpose.CROSS_BORDER_COMMUNICATION, true, ALL));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(json(refused).get("rule").asString()).isEqualTo("assessment-not-awaiting-evaluation");
        awaitExactly(caseId, EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(), EventCatalog.URGENT_REFERRAL_REQUIRED.name());
        EventEnvelope urgent = EventCodec.read(published(caseId).get(1).value());
        assertThat(urgent.data().get("redFlags").get(0).asString()).isEqualTo("PROGRESSIVE_NEUROLOGICAL_DEFICIT");
        JsonNode gating = gating(caseId, TestTokens.coordinator());
        assertThat(gating.get("status").asString()).isEqualTo("URGENT_REFERRAL");
        assertThat(strings(gating.get("missing"))).contains("red-flag-reported");
        assertThat(gating.get("surgeryRecommended").asBoolean()).isFalse();
    }

    @Test
    void holdsTheRecommendationWithoutCrossBorderConsentSaysWhyAndPublishesItOnceConsentIsGiven() {
        String caseId = newCaseId();
        send(caseId, caseOpened(caseId, NO_CROSS_BORDER));
        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() == 1);

        ResponseEntity<String> evaluated = post("/api/assessments/" + caseId + "/evaluation", DECOMPRESSION, TestTokens.specialist());

        assertThat(evaluated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(evaluated).get("status").asString()).isEqualTo("AWAITING_CONSENT");
        awaitExactly(caseId, EventCatalog.CONSERVATIVE_CARE_VERIFIED.name());
        for (String token : List.of(TestTokens.coordinator(), TestTokens.specialist(), TestTokens.clinic(CaseOpenedEvents.SAMPLE_CLINIC))) {
            JsonNode gating = gating(caseId, token);
            assertThat(strings(gating.get("missing"))).containsExactly("cross-border-consent-missing");
            assertThat(strings(gating.get("holds"))).containsExactly("no-red-flag", "care-coordination-consent",
                    "conservative-care-verified", "evaluation-recommends-surgery", "case-open");
            assertThat(gating.get("surgeryRecommended").asBoolean()).isFalse();
        }
        assertThat(strings(json(get("/api/assessments/" + caseId, TestTokens.coordinator())).get("gating").get("missing")))
                .containsExactly("cross-border-consent-missing");

        send(caseId, IntakeEvents.consents(caseId, ConsentPurpose.CROSS_BORDER_COMMUNICATION, true, ALL));

        awaitExactly(caseId, EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(), EventCatalog.SURGERY_RECOMMENDED.name());
        assertThat(EventCodec.read(published(caseId).get(1).value()).data().get("category").asString()).isEqualTo("SIMPLE_DECOMPRESSION");
        JsonNode gating = gating(caseId, TestTokens.coordinator());
        assertThat(gating.get("missing")).isEmpty();
        assertThat(gating.get("surgeryRecommended").asBoolean()).isTrue();
    }

    @Test
    void verifiesCareAgainWhenANewSessionArrivesAndCountsARecordedSessionOnce() {
        String caseId = newCaseId();
        send(caseId, caseOpened(caseId, List.of(new ConservativeCareCourse(CareModality.PHYSIOTHERAPY, today().minusDays(120),
                today().minusDays(2), 20, true)), ALL));
        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() == 1);
        assertThat(publishedTypes(caseId)).containsExactly(EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name());
        JsonNode insufficient = json(get("/api/assessments/" + caseId, TestTokens.coordinator()));
        assertThat(strings(insufficient.get("verification").get("unmet"))).containsExactly("modalities");

        EventEnvelope session = IntakeEvents.session(caseId, "s-manual-1", CareModality.MANUAL_THERAPY, today().minusDays(1));
        send(caseId, session);
        send(caseId, session);
        send(caseId, IntakeEvents.session(caseId, "s-manual-1", CareModality.MANUAL_THERAPY, today().minusDays(1)));

        awaitExactly(caseId, EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name(), EventCatalog.CONSERVATIVE_CARE_VERIFIED.name());
        EventEnvelope verified = EventCodec.read(published(caseId).get(1).value());
        assertThat(verified.data().get("sessions").asInt()).isEqualTo(21);
        assertThat(verified.sequence()).isEqualTo(2);
        JsonNode assessment = json(get("/api/assessments/" + caseId, TestTokens.coordinator()));
        assertThat(assessment.get("status").asString()).isEqualTo("AWAITING_EVALUATION");
        assertThat(assessment.get("verification").get("outcome").asString()).isEqualTo("VERIFIED");
    }

    @Test
    void verifiesCareOnTheDayAPlannedCourseReachesTheMinimumDurationWithNothingPosted() {
        String caseId = newCaseId();
        send(caseId, caseOpened(caseId, List.of(
                new ConservativeCareCourse(CareModality.PHYSIOTHERAPY, today().minusDays(40), today().plusDays(100), 16, true),
                new ConservativeCareCourse(CareModality.MANUAL_THERAPY, today().minusDays(30), today().plusDays(100), 8, true)), ALL));
        awaitExactly(caseId, EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name());
        JsonNode waiting = json(get("/api/assessments/" + caseId, TestTokens.coordinator()));
        assertThat(strings(waiting.get("verification").get("unmet"))).containsExactly("duration");
        LocalDate eligibleOn = LocalDate.parse(waiting.get("verification").get("earliestEligibleOn").asString());
        assertThat(eligibleOn).isEqualTo(today().plusDays(50));

        AssessmentService dayBefore = new AssessmentService(store, mongo, policy,
                Clock.offset(Clock.systemUTC(), Duration.ofDays(49)), audit, caseTraces);
        dayBefore.recheckDueVerifications(500);
        awaitExactly(caseId, EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name());

        AssessmentService onTheDay = new AssessmentService(store, mongo, policy,
                Clock.offset(Clock.systemUTC(), Duration.ofDays(51)), audit, caseTraces);
        assertThat(onTheDay.recheckDueVerifications(500)).isPositive();

        awaitExactly(caseId, EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name(), EventCatalog.CONSERVATIVE_CARE_VERIFIED.name());
        JsonNode verified = json(get("/api/assessments/" + caseId, TestTokens.coordinator()));
        assertThat(verified.get("status").asString()).isEqualTo("AWAITING_EVALUATION");
        assertThat(verified.get("verification").get("earliestEligibleOn").isNull()).isTrue();
        onTheDay.recheckDueVerifications(500);
        awaitExactly(caseId, EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name(), EventCatalog.CONSERVATIVE_CARE_VERIFIED.name());
    }

    @Test
    void keepsEventsThatArriveBeforeTheCaseIsOpenedAndAppliesThemWhenItIs() {
        String caseId = newCaseId();
        send(caseId, IntakeEvents.imaging(caseId, RadiologicalFinding.INSTABILITY, RadiologicalFinding.SPONDYLOLISTHESIS));
        send(caseId, IntakeEvents.session(caseId, "s-before-opening", CareModality.PSYCHOLOGICAL_SUPPORT, today().minusDays(1)));
        await().atMost(PROCESSING).until(() -> stored(caseId) != null && stored(caseId).getList("consumedEventIds", String.class).size() == 2);
        assertThat(get("/api/assessments/" + caseId, TestTokens.coordinator()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/assessments/" + caseId + "/gating", TestTokens.coordinator()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(publishedTypes(caseId)).isEmpty();

        send(caseId, caseOpened(caseId, ALL));

        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() == 1);
        EventEnvelope verified = EventCodec.read(published(caseId).get(0).value());
        assertThat(verified.type()).isEqualTo(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name());
        assertThat(verified.data().get("sessions").asInt()).isEqualTo(37);
        JsonNode assessment = json(get("/api/assessments/" + caseId, TestTokens.coordinator()));
        assertThat(assessment.get("suggestion").get("category").asString()).isEqualTo("FUSION");
        assertThat(assessment.get("suggestion").get("reasons").get(0).asString()).startsWith("INSTABILITY on CT of ");
        assertThat(strings(assessment.get("gating").get("missing"))).containsExactly("evaluation-missing");
        JsonNode support = json(get("/api/assessments/" + caseId + "/decision-support", TestTokens.specialist()));
        assertThat(support.get("category").asString()).isEqualTo("FUSION");
        assertThat(support.get("probableCauses").get(0).get("cause").asString()).isEqualTo("INADEQUATE_FIRST_SURGERY");
    }

    @Test
    void pausesWhileConsentToCareCoordinationIsWithdrawnAndResumesWhenItIsGivenAgain() {
        String caseId = newCaseId();
        send(caseId, caseOpened(caseId, ALL));
        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() == 1);

        send(caseId, IntakeEvents.consents(caseId, ConsentPurpose.CARE_COORDINATION, false, new ConsentGrants(false, false, false)));
        await().atMost(PROCESSING).until(() -> "PAUSED".equals(json(get("/api/assessments/" + caseId, TestTokens.coordinator())).get("status").asString()));
        ResponseEntity<String> refused = post("/api/assessments/" + caseId + "/evaluation", DECOMPRESSION, TestTokens.specialist());
        send(caseId, IntakeEvents.redFlag(caseId, RedFlag.SUSPECTED_INFECTION));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(json(refused).get("rule").asString()).isEqualTo("assessment-paused");
        awaitExactly(caseId, EventCatalog.CONSERVATIVE_CARE_VERIFIED.name());
        assertThat(strings(gating(caseId, TestTokens.coordinator()).get("missing")))
                .contains("care-coordination-consent-withdrawn", "red-flag-reported");

        send(caseId, IntakeEvents.consents(caseId, ConsentPurpose.CARE_COORDINATION, true, ALL));

        awaitExactly(caseId, EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(), EventCatalog.URGENT_REFERRAL_REQUIRED.name());
    }

    @Test
    void declinesTheCaseWithTheSpecialistsReasonAndStopsForGood() {
        String caseId = newCaseId();
        send(caseId, caseOpened(caseId, ALL));
        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() == 1);

        ResponseEntity<String> declined = post("/api/assessments/" + caseId + "/evaluation", """
                {"decision":"NOT_A_CANDIDATE","probableCauses":["EPIDURAL_FIBROSIS"],"rationale":"Fibrose seule, pas de cible chirurgicale"}""",
                TestTokens.specialist());

        assertThat(declined.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(declined).get("status").asString()).isEqualTo("NOT_A_CANDIDATE");
        awaitExactly(caseId, EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(), EventCatalog.SURGERY_NOT_INDICATED.name());
        EventEnvelope notIndicated = EventCodec.read(published(caseId).get(1).value());
        assertThat(notIndicated.data().get("reason").asString()).isEqualTo("Fibrose seule, pas de cible chirurgicale");
        assertThat(notIndicated.subject()).isEqualTo(caseId);

        send(caseId, IntakeEvents.session(caseId, "s-after-decline", CareModality.PHYSIOTHERAPY, today()));
        send(caseId, IntakeEvents.redFlag(caseId, RedFlag.SUSPECTED_INFECTION));
        send(caseId, IntakeEvents.consents(caseId, ConsentPurpose.CROSS_BORDER_COMMUNICATION, true, ALL));
        await().atMost(PROCESSING).until(() -> stored(caseId).getList("consumedEventIds", String.class).size() == 4);
        ResponseEntity<String> again = post("/api/assessments/" + caseId + "/evaluation", DECOMPRESSION, TestTokens.specialist());

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(json(again).get("rule").asString()).isEqualTo("assessment-not-awaiting-evaluation");
        awaitExactly(caseId, EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(), EventCatalog.SURGERY_NOT_INDICATED.name());
        JsonNode gating = gating(caseId, TestTokens.coordinator());
        assertThat(gating.get("status").asString()).isEqualTo("NOT_A_CANDIDATE");
        assertThat(strings(gating.get("missing"))).contains("evaluation-declined");
        assertThat(gating.get("surgeryRecommended").asBoolean()).isFalse();
    }

    @Test
    void stopsForGoodWhenTheCaseIsClosed() {
        String caseId = newCaseId();
        send(caseId, caseOpened(caseId, ALL));
        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() == 1);

        send(caseId, IntakeEvents.closed(caseId));
        await().atMost(PROCESSING).until(() -> "CLOSED".equals(json(get("/api/assessments/" + caseId, TestTokens.coordinator())).get("status").asString()));
        ResponseEntity<String> refused = post("/api/assessments/" + caseId + "/evaluation", DECOMPRESSION, TestTokens.specialist());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(strings(gating(caseId, TestTokens.coordinator()).get("missing"))).containsExactly("evaluation-missing", "case-closed");
        awaitExactly(caseId, EventCatalog.CONSERVATIVE_CARE_VERIFIED.name());
    }
}
