package ca.passerelle.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.testinfra.TopicProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class OpenCaseIT extends IntakeHttp {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    Cases cases;

    @Test
    void opensACaseStoresItAndPublishesOnePseudonymousCaseOpened() {
        HttpResponse<String> response = postCase(aCase());

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json(response);
        String caseId = body.get("caseId").asString();
        assertThat(caseId).matches("c-[0-9a-f-]{36}");
        assertThat(response.headers().firstValue("Location")).contains("/api/cases/" + caseId);
        assertThat(body.get("status").asString()).isEqualTo("OPEN");
        assertThat(body.get("odiPercent").asDouble()).isEqualTo(48.0);
        assertThat(body.get("ramqWarnings").isEmpty()).isTrue();

        Document stored = mongo.findById(caseId, Document.class, "cases");
        assertThat(stored).isNotNull();
        assertThat(stored.get("patient", Document.class).get("ramqNumber")).isInstanceOf(Binary.class);
        assertThat(stored.toJson()).doesNotContain(ramqNormalised(), "Tremblay");
        assertThat(stored.getString("clinicId")).isEqualTo("clinic-qc-laval-01");
        assertThat(stored.get("consents", Document.class).get("careCoordination", Document.class).getString("textVersion"))
                .isEqualTo("2026-01");

        await().atMost(Duration.ofSeconds(20)).until(() -> intakeEventsFor(caseId).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> intakeEventsFor(caseId).size() == 1);
        ConsumerRecord<String, byte[]> record = intakeEventsFor(caseId).get(0);
        String bytes = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(bytes).doesNotContain("Tremblay", "Marie", "TREM", "7453", "1974-03-12", "450-555", "marie@example.org");
        EventEnvelope envelope = EventCodec.read(record.value());
        assertThat(envelope.type()).isEqualTo(EventCatalog.CASE_OPENED.name());
        assertThat(envelope.source()).isEqualTo("/passerelle/intake-service");
        assertThat(envelope.subject()).isEqualTo(caseId);
        CaseOpened opened = EventCodec.payload(envelope, EventCatalog.CASE_OPENED);
        assertThat(opened.clinicId()).isEqualTo("clinic-qc-laval-01");
        assertThat(opened.ageYears()).isBetween(52, 53);
        assertThat(opened.symptoms().odiPercent()).isEqualTo(48.0);
        assertThat(TopicProbe.header(record, "content-type")).isEqualTo(EventEnvelope.STRUCTURED_CONTENT_TYPE);
    }

    @Test
    void readsTheCaseBackWithItsIdentityAndScores() {
        String caseId = json(postCase(aCase())).get("caseId").asString();

        HttpResponse<String> response = get("/api/cases/" + caseId);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode found = json(response);
        assertThat(found.get("caseId").asString()).isEqualTo(caseId);
        assertThat(found.get("status").asString()).isEqualTo("OPEN");
        assertThat(found.get("patient").get("ramqNumber").asString()).isEqualTo(ramqNormalised());
        assertThat(found.get("patient").get("dateOfBirth").asString()).isEqualTo("1974-03-12");
        assertThat(found.get("symptoms").get("odiBand").asString()).isEqualTo("severe");
        assertThat(found.get("consents").get("research").get("granted").asBoolean()).isFalse();
        assertThat(found.has("idempotencyKey")).isFalse();
        assertThat(found.has("outbox")).isFalse();
    }

    @Test
    void answersNotFoundAsProblemForAnUnknownCase() {
        HttpResponse<String> response = get("/api/cases/c-" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(contentType(response)).startsWith("application/problem+json");
    }

    @Test
    void rejectsAnInvalidBodyNamingEachField() {
        ObjectNode request = aCase();
        CaseRequests.patientOf(request).remove("familyNameAtBirth");
        ((ObjectNode) request.get("symptoms")).put("painNrs", 11);
        ((ArrayNode) request.get("symptoms").get("odiSectionScores")).set(2, 6);
        ((ObjectNode) request.get("conservativeCare").get(0)).put("endedOn", "2026-01-01");

        HttpResponse<String> response = postCase(request);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(contentType(response)).startsWith("application/problem+json");
        assertThat(fields(json(response))).contains("patient.familyNameAtBirth", "symptoms.painNrs",
                "symptoms.odiSectionScores[2]", "conservativeCare[0].endedOnNotBeforeStart");
    }

    @Test
    void rejectsMoreThanOneUnansweredOdiSection() {
        ObjectNode request = aCase();
        ArrayNode odi = (ArrayNode) request.get("symptoms").get("odiSectionScores");
        odi.setNull(0);
        odi.setNull(1);

        HttpResponse<String> response = postCase(request);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(json(response))).containsExactly("symptoms.odiSectionScoresAnswered");
    }

    @Test
    void rejectsAnImpossibleRamqNumberAsAFieldError() {
        for (String ramq : List.of("TREM 7453 12O4", "TREM 7413 1214")) {
            ObjectNode request = aCase();
            CaseRequests.patientOf(request).put("ramqNumber", ramq);

            HttpResponse<String> response = postCase(request);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(fields(json(response))).containsExactly("patient.ramqNumber");
        }
    }

    @Test
    void neverEchoesTheSubmittedValuesInItsErrors() {
        Map<String, List<String>> valueAndTell = new LinkedHashMap<>();
        valueAndTell.put("TREM 7413 1214", List.of("7413", "TREM", "(13)"));
        valueAndTell.put("TREM 7453 3214", List.of("3214", "TREM", "(32)"));
        valueAndTell.put("TREM-7453-1214", List.of("TREM", "7453"));
        for (Map.Entry<String, List<String>> ramq : valueAndTell.entrySet()) {
            ObjectNode request = aCase();
            CaseRequests.patientOf(request).put("ramqNumber", ramq.getKey());

            HttpResponse<String> response = postCase(request);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(fields(json(response))).containsExactly("patient.ramqNumber");
            assertThat(response.body()).doesNotContain(ramq.getValue());
        }

        ObjectNode tooOld = aCase();
        CaseRequests.patientOf(tooOld).put("dateOfBirth", "1850-01-01");
        HttpResponse<String> impossibleAge = postCase(tooOld);
        assertThat(impossibleAge.statusCode()).isEqualTo(400);
        assertThat(impossibleAge.body()).doesNotContain("1850", "176", "175");

        ObjectNode unreadable = aCase();
        CaseRequests.patientOf(unreadable).put("dateOfBirth", "Marie-Tremblay-1974");
        HttpResponse<String> unreadableDate = postCase(unreadable);
        assertThat(unreadableDate.statusCode()).isEqualTo(400);
        assertThat(unreadableDate.body()).doesNotContain("Marie", "Tremblay");
    }

    @Test
    void opensACaseWhoseRamqNumberDisagreesAndSaysHow() {
        ObjectNode request = aCase();
        CaseRequests.patientOf(request).put("ramqNumber", "trem 7453 1314");

        HttpResponse<String> response = postCase(request);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).get("ramqWarnings").toString()).isEqualTo("[\"birth-date-mismatch\"]");
    }

    @Test
    void rejectsCaseWithoutCareCoordinationConsent() {
        ObjectNode withoutConsent = aCase();
        ((ObjectNode) withoutConsent.get("consents")).remove("careCoordination");
        ObjectNode refused = aCase();
        ((ObjectNode) refused.get("consents").get("careCoordination")).put("granted", false);
        long casesBefore = mongo.count(new Query(), "cases");

        for (ObjectNode request : List.of(withoutConsent, refused)) {
            HttpResponse<String> response = postCase(request);

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(contentType(response)).startsWith("application/problem+json");
            assertThat(json(response).get("rule").asString()).isEqualTo("care-coordination-consent-required");
        }
        assertThat(mongo.count(new Query(), "cases")).isEqualTo(casesBefore);
    }

    @Test
    void replaysTheOriginalAnswerForARetryWithTheSameIdempotencyKey() {
        String key = "retry-" + UUID.randomUUID();

        HttpResponse<String> first = postCase(aCase(), key);
        HttpResponse<String> retry = postCase(aCase(), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        String caseId = json(first).get("caseId").asString();
        assertThat(mongo.count(Query.query(Criteria.where("idempotencyKey").is(key)), "cases")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> intakeEventsFor(caseId).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> intakeEventsFor(caseId).size() == 1);
    }

    @Test
    void refusesAnIdempotencyKeyReusedForAnotherRequest() {
        String key = "reuse-" + UUID.randomUUID();
        ObjectNode another = aCase();
        ((ObjectNode) another.get("symptoms")).put("painNrs", 3);

        HttpResponse<String> first = postCase(aCase(), key);
        HttpResponse<String> reused = postCase(another, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(contentType(reused)).startsWith("application/problem+json");
        assertThat(json(reused).get("rule").asString()).isEqualTo("idempotency-key-reused");
        assertThat(mongo.count(Query.query(Criteria.where("idempotencyKey").is(key)), "cases")).isEqualTo(1);
    }

    @Test
    void opensOneCaseWhenTwoRetriesWithTheSameKeyRace() {
        String key = "race-" + UUID.randomUUID();

        List<HttpResponse<String>> responses = IntStream.range(0, 4).parallel()
                .mapToObj(i -> postCase(aCase(), key)).toList();

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(responses.stream().map(response -> json(response).get("caseId").asString()).distinct()).hasSize(1);
        assertThat(mongo.count(Query.query(Criteria.where("idempotencyKey").is(key)), "cases")).isEqualTo(1);
    }

    @Test
    void refusesASecondCaseWithTheSameIdempotencyKeyAtTheDatabase() {
        IdempotencyKey key = new IdempotencyKey("db-" + UUID.randomUUID(), "fingerprint");
        NewCase submission = NewCases.submission(NewCases.marie(ramq), NewCases.consents(NewCases.GRANTED));
        cases.insert(PatientCase.open(CaseId.random(), submission, key, Clock.systemUTC()));

        assertThatThrownBy(() -> cases.insert(PatientCase.open(CaseId.random(), submission, key, Clock.systemUTC())))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(mongo.count(Query.query(Criteria.where("idempotencyKey").is(key.value())), "cases")).isEqualTo(1);
        assertThat(cases.findByIdempotencyKey(submission.clinicId(), key)).isPresent();
        assertThat(cases.findByIdempotencyKey("clinic-qc-montreal-01", key)).isEmpty();
    }

    @Test
    void keepsIdempotencyKeysUniquePerClinicInTheCaseCollection() {
        assertThat(mongo.indexOps("cases").getIndexInfo())
                .anySatisfy(index -> {
                    assertThat(index.isIndexForFields(List.of("scopedIdempotencyKey"))).isTrue();
                    assertThat(index.isUnique()).isTrue();
                    assertThat(index.isSparse()).isTrue();
                });
    }

    private static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.get("errors").spliterator(), false).map(error -> error.get("field").asString()).toList();
    }
}
