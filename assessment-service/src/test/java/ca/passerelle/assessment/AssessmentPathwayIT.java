package ca.passerelle.assessment;

import static ca.passerelle.assessment.CaseOpenedEvents.caseOpened;
import static ca.passerelle.assessment.CaseOpenedEvents.newCaseId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.intake.CareModality;
import ca.passerelle.events.intake.ConservativeCareCourse;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.testinfra.TestTokens;

import ca.passerelle.platform.audit.AuditEntry;
import ca.passerelle.platform.audit.AuditTrail;
import tools.jackson.databind.JsonNode;

class AssessmentPathwayIT extends ServiceIntegrationTest {

    @Autowired
    AuditTrail audit;

    private static final Duration PROCESSING = Duration.ofSeconds(30);

    @Test
    void verifiesAnOpenedCaseThenPublishesTheRecommendationAfterIt() {
        String caseId = newCaseId();
        send(caseId, caseOpened(caseId));

        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() == 1);
        ConsumerRecord<String, byte[]> verified = published(caseId).get(0);
        EventEnvelope verifiedEvent = EventCodec.read(verified.value());
        assertThat(verified.key()).isEqualTo(caseId);
        assertThat(verifiedEvent.type()).isEqualTo(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name());
        assertThat(verifiedEvent.source()).isEqualTo("/passerelle/assessment-service");
        assertThat(verifiedEvent.sequence()).isEqualTo(1);
        assertThat(verifiedEvent.data().get("supervisedDays").asLong()).isEqualTo(179);

        JsonNode assessment = json(get("/api/assessments/" + caseId, TestTokens.coordinator()));
        assertThat(assessment.get("status").asString()).isEqualTo("AWAITING_EVALUATION");
        assertThat(assessment.get("verification").get("outcome").asString()).isEqualTo("VERIFIED");
        assertThat(assessment.get("verification").get("missing")).isEmpty();
        assertThat(assessment.get("verification").get("earliestEligibleOn").isNull()).isTrue();
        assertThat(assessment.get("suggestion").get("category").asString()).isEqualTo("SIMPLE_DECOMPRESSION");
        assertThat(assessment.get("evaluation").isNull()).isTrue();

        ResponseEntity<String> evaluated = post("/api/assessments/" + caseId + "/evaluation", """
                {"decision":"SIMPLE_DECOMPRESSION","probableCauses":["EPIDURAL_FIBROSIS"],"rationale":"Compression L4-L5, pas d'instabilité"}""", TestTokens.specialist());

        assertThat(evaluated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(evaluated).get("status").asString()).isEqualTo("SURGERY_RECOMMENDED");
        assertThat(json(evaluated).get("evaluation").get("decision").asString()).isEqualTo("SIMPLE_DECOMPRESSION");
        assertThat(json(evaluated).get("evaluation").get("evaluatedBy").asString()).isEqualTo("specialiste");
        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> publishedTypes(caseId).size() == 2);
        List<EventEnvelope> events = published(caseId).stream().map(record -> EventCodec.read(record.value())).toList();
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(), EventCatalog.SURGERY_RECOMMENDED.name());
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L);
        assertThat(events.get(1).data().get("category").asString()).isEqualTo("SIMPLE_DECOMPRESSION");
        assertThat(published(caseId)).extracting(ConsumerRecord::partition).containsOnly(verified.partition());
        assertThat(audit.entriesAbout("case", caseId)).extracting(AuditEntry::action, AuditEntry::actor)
                .containsExactly(tuple("assessment.read", "coordonnatrice"), tuple("evaluation.recorded", "specialiste"));
    }

    @Test
    void letsACoordinatorRecordTheEvaluationOnASpecialistsBehalfUnderTheSameRulesAuditedAsTheCoordinator() {
        String caseId = newCaseId();
        send(caseId, caseOpened(caseId));
        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() == 1);
        String path = "/api/assessments/" + caseId + "/evaluation";

        ResponseEntity<String> invalid = post(path, """
                {"decision":"NOT_A_CANDIDATE","probableCauses":[]}""", TestTokens.coordinator());
        assertThat(invalid.getStatusCode()).as("validation applies to a coordinator too").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getHeaders().getContentType()).hasToString("application/problem+json");
        ResponseEntity<String> departing = post(path, """
                {"decision":"FUSION","probableCauses":["EPIDURAL_FIBROSIS"]}""", TestTokens.coordinator());
        assertThat(departing.getStatusCode()).as("departing from the suggestion needs a reason, whoever records")
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(json(departing).get("rule").asString()).isEqualTo("rationale-required-to-depart-from-suggestion");

        ResponseEntity<String> evaluated = post(path, """
                {"decision":"SIMPLE_DECOMPRESSION","probableCauses":["EPIDURAL_FIBROSIS"],"rationale":"Compression L4-L5 sans instabilité, avis du spécialiste transmis"}""",
                TestTokens.coordinator());

        assertThat(evaluated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(evaluated).get("status").asString()).isEqualTo("SURGERY_RECOMMENDED");
        assertThat(json(evaluated).get("evaluation").get("decision").asString()).isEqualTo("SIMPLE_DECOMPRESSION");
        assertThat(json(evaluated).get("evaluation").get("evaluatedBy").asString()).isEqualTo("coordonnatrice");
        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> publishedTypes(caseId).size() == 2);
        List<EventEnvelope> events = published(caseId).stream().map(record -> EventCodec.read(record.value())).toList();
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(), EventCatalog.SURGERY_RECOMMENDED.name());
        assertThat(events.get(1).data().get("category").asString()).isEqualTo("SIMPLE_DECOMPRESSION");
        assertThat(audit.entriesAbout("case", caseId)).as("only the recorded evaluation is audited, with the coordinator as actor")
                .extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::roles)
                .containsExactly(tuple("evaluation.recorded", "coordonnatrice", List.of("COORDINATOR")));
    }

    @Test
    void escalatesARedFlagCaseAndRefusesAnyLaterEvaluation() {
        String caseId = newCaseId();
        send(caseId, caseOpened(caseId, RedFlag.CAUDA_EQUINA));

        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() == 1);
        assertThat(publishedTypes(caseId)).containsExactly(EventCatalog.URGENT_REFERRAL_REQUIRED.name());
        JsonNode assessment = json(get("/api/assessments/" + caseId, TestTokens.coordinator()));
        assertThat(assessment.get("status").asString()).isEqualTo("URGENT_REFERRAL");
        assertThat(assessment.get("redFlags").get(0).asString()).isEqualTo("CAUDA_EQUINA");

        ResponseEntity<String> refused = post("/api/assessments/" + caseId + "/evaluation", """
                {"decision":"FUSION","probableCauses":[],"rationale":"instabilité"}""", TestTokens.specialist());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json(refused).get("rule").asString()).isEqualTo("assessment-not-awaiting-evaluation");
        assertThat(json(get("/api/assessments/" + caseId, TestTokens.coordinator())).get("status").asString()).isEqualTo("URGENT_REFERRAL");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> publishedTypes(caseId).size() == 1);
    }

    @Test
    void sendsInsufficientCareBackWithWhatIsMissingAndHoldsAnEarlyEvaluationUntilCareIsVerified() {
        String caseId = newCaseId();
        LocalDate today = LocalDate.now(ZoneId.of("America/Montreal"));
        send(caseId, caseOpened(caseId,
                List.of(new ConservativeCareCourse(CareModality.PHYSIOTHERAPY, today.minusDays(30), today, 10, true)), List.of()));

        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() == 1);
        EventEnvelope insufficient = EventCodec.read(published(caseId).get(0).value());
        assertThat(insufficient.type()).isEqualTo(EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name());
        assertThat(insufficient.data().get("earliestEligibleOn").asString()).isEqualTo(today.plusDays(60).toString());
        JsonNode assessment = json(get("/api/assessments/" + caseId, TestTokens.coordinator()));
        assertThat(assessment.get("status").asString()).isEqualTo("CONSERVATIVE_CARE_INSUFFICIENT");
        assertThat(assessment.get("verification").get("missing")).hasSize(3);
        assertThat(assessment.get("verification").get("unmet").toString()).isEqualTo("[\"duration\",\"modalities\",\"sessions\"]");

        ResponseEntity<String> unexplained = post("/api/assessments/" + caseId + "/evaluation", "{\"decision\":\"FUSION\"}", TestTokens.specialist());
        ResponseEntity<String> early = post("/api/assessments/" + caseId + "/evaluation", """
                {"decision":"FUSION","rationale":"Instabilité dynamique sur les clichés en flexion"}""", TestTokens.specialist());

        assertThat(unexplained.getStatusCode()).as("departing from the suggested SIMPLE_DECOMPRESSION needs a rationale")
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(json(unexplained).get("rule").asString()).isEqualTo("rationale-required-to-depart-from-suggestion");

        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(early).get("status").asString()).isEqualTo("CONSERVATIVE_CARE_INSUFFICIENT");
        assertThat(json(early).get("gating").get("missing").toString()).isEqualTo("[\"conservative-care-not-verified\"]");
        assertThat(json(early).get("evaluation").get("suggestedCategory").asString()).isEqualTo("SIMPLE_DECOMPRESSION");
        assertThat(json(early).get("evaluation").get("departsFromSuggestion").asBoolean()).isTrue();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> publishedTypes(caseId).size() == 1);
    }

    @Test
    void keepsTheImagingFindingsTheSpecialistReadsAndSuggestsFromThem() {
        String caseId = newCaseId();
        send(caseId, caseOpened(caseId));
        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() == 1);
        assertThat(json(get("/api/assessments/" + caseId + "/decision-support", TestTokens.specialist())).get("category").asString())
                .isEqualTo("SIMPLE_DECOMPRESSION");
        String read = LocalDate.now(ZoneId.of("America/Montreal")).minusDays(2).toString();

        ResponseEntity<String> evaluated = post("/api/assessments/" + caseId + "/evaluation", """
                {"decision":"FUSION","probableCauses":["HARDWARE_FAILURE"],
                 "imagingFindings":[{"modality":"CT","performedOn":"%s","levels":"L4-L5","findings":["HARDWARE_FAILURE","INSTABILITY"]}]}"""
                .formatted(read), TestTokens.specialist());

        assertThat(evaluated.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode evaluation = json(evaluated).get("evaluation");
        assertThat(evaluation.get("imagingFindings").get(0).get("levels").asString()).isEqualTo("L4-L5");
        assertThat(evaluation.get("imagingFindings").get(0).get("findings").toString()).isEqualTo("[\"INSTABILITY\",\"HARDWARE_FAILURE\"]");
        assertThat(evaluation.get("suggestedCategory").asString()).isEqualTo("FUSION");
        assertThat(evaluation.get("departsFromSuggestion").asBoolean()).isFalse();
        assertThat(json(evaluated).get("status").asString()).isEqualTo("SURGERY_RECOMMENDED");
        assertThat(json(evaluated).get("imaging")).hasSize(2);
        JsonNode support = json(get("/api/assessments/" + caseId + "/decision-support", TestTokens.coordinator()));
        assertThat(support.get("category").asString()).isEqualTo("FUSION");
        assertThat(support.get("reasons").get(0).asString()).startsWith("INSTABILITY on CT of " + read + " at L4-L5");
        await().atMost(PROCESSING).until(() -> publishedTypes(caseId).size() == 2);
        assertThat(EventCodec.read(published(caseId).get(1).value()).data().get("category").asString()).isEqualTo("FUSION");
    }

    @Test
    void rejectsImagingFindingsThatAreNotCodedWithoutEchoingThem() {
        String future = LocalDate.now(ZoneId.of("America/Montreal")).plusDays(30).toString();
        List<String> bodies = List.of(
                "{\"decision\":\"FUSION\",\"imagingFindings\":[{\"modality\":\"CT\",\"performedOn\":\"2026-01-05\",\"levels\":\"QX7-CANARY\",\"findings\":[\"INSTABILITY\"]}]}",
                "{\"decision\":\"FUSION\",\"imagingFindings\":[{\"modality\":\"QX7-CANARY\",\"performedOn\":\"2026-01-05\",\"findings\":[\"INSTABILITY\"]}]}",
                "{\"decision\":\"FUSION\",\"imagingFindings\":[{\"modality\":\"CT\",\"performedOn\":\"2026-01-05\",\"findings\":[\"QX7-CANARY\"]}]}",
                "{\"decision\":\"FUSION\",\"imagingFindings\":[{\"modality\":\"CT\",\"performedOn\":\"2026-01-05\",\"findings\":[]}]}",
                "{\"decision\":\"FUSION\",\"imagingFindings\":[{\"modality\":\"CT\",\"performedOn\":\"" + future + "\",\"findings\":[\"INSTABILITY\"]}]}");
        List<String> fields = List.of("imagingFindings[0].levels", "imagingFindings[0].modality", "", "imagingFindings[0].findings",
                "imagingFindings[0].performedOn");

        for (int i = 0; i < bodies.size(); i++) {
            ResponseEntity<String> refused = post("/api/assessments/c-any/evaluation", bodies.get(i), TestTokens.specialist());

            assertThat(refused.getStatusCode()).as("body %d", i).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getHeaders().getContentType()).as("body %d", i).hasToString("application/problem+json");
            assertThat(refused.getBody()).as("body %d", i).doesNotContain("QX7").doesNotContain("CANARY");
            if (!fields.get(i).isEmpty()) {
                assertThat(json(refused).get("errors").get(0).get("field").asString()).as("body %d", i).isEqualTo(fields.get(i));
            }
        }
    }

    @Test
    void answersNotFoundForAnUnknownCase() {
        ResponseEntity<String> read = get("/api/assessments/c-unknown", TestTokens.coordinator());
        ResponseEntity<String> evaluate = post("/api/assessments/c-unknown/evaluation", "{\"decision\":\"FUSION\"}", TestTokens.specialist());

        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(read.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(evaluate.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(read.getBody()).doesNotContain("no assessment for");
    }

    @Test
    void rejectsABadEvaluationBodyWithTheFieldsInError() {
        ResponseEntity<String> noDecision = post("/api/assessments/c-any/evaluation", "{\"rationale\":\"x\"}", TestTokens.specialist());
        ResponseEntity<String> declinedWithoutWhy = post("/api/assessments/c-any/evaluation", "{\"decision\":\"NOT_A_CANDIDATE\"}", TestTokens.specialist());
        ResponseEntity<String> unknownDecision = post("/api/assessments/c-any/evaluation", "{\"decision\":\"MAYBE\"}", TestTokens.specialist());

        assertThat(noDecision.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(noDecision).get("errors").get(0).get("field").asString()).isEqualTo("decision");
        assertThat(declinedWithoutWhy.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(declinedWithoutWhy).get("errors").get(0).get("message").asString()).contains("rationale is required");
        assertThat(unknownDecision.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownDecision.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void neverEchoesSubmittedValuesInValidationErrors() {
        String canary = "Tremblay-QX7-CANARY";
        List<String> bodies = List.of(
                "{\"decision\":\"" + canary + "\"}",
                "{\"decision\":\"FUSION\",\"probableCauses\":[\"" + canary + "\"]}",
                "{\"decision\":\"FUSION\",\"rationale\":\"" + canary + "x".repeat(4000) + "\"}",
                "{\"decision\":\"FUSION\",\"rationale\":{\"" + canary + "\":1}}",
                "{\"decision\":\"FUSION\",\"rationale\":\"" + canary);

        for (int i = 0; i < bodies.size(); i++) {
            ResponseEntity<String> refused = post("/api/assessments/c-any/evaluation", bodies.get(i), TestTokens.specialist());

            assertThat(refused.getStatusCode()).as("body %d", i).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getHeaders().getContentType()).as("body %d", i).hasToString("application/problem+json");
            assertThat(refused.getBody()).as("body %d", i).doesNotContain("QX7").doesNotContain("CANARY");
        }
    }
}
