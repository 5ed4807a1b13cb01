package ca.passerelle.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    /** Each of the warnings of DOMAIN.md opens the case (201) and is returned, stored with the case, and shown in its view. */
    @Test
    void opensACaseWhoseRamqNumberDisagreesAndSaysHowInTheAnswerTheStoreAndTheView() {
        Map<String, List<String>> warningsByNumber = new LinkedHashMap<>();
        warningsByNumber.put("trem 7453 1316", List.of("birth-date-mismatch"));
        warningsByNumber.put("GAGM 7453 1211", List.of("family-name-mismatch"));
        warningsByNumber.put("TREJ 7453 1210", List.of("first-name-mismatch"));
        warningsByNumber.put("TREM 7453 1214", List.of("check-digit-mismatch"));
        warningsByNumber.put("gagj 8001 0114", List.of("birth-date-mismatch", "family-name-mismatch", "first-name-mismatch",
                "check-digit-mismatch"));
        for (Map.Entry<String, List<String>> number : warningsByNumber.entrySet()) {
            ObjectNode request = aCase();
            CaseRequests.patientOf(request).put("ramqNumber", number.getKey());

            HttpResponse<String> response = postCase(request);

            assertThat(response.statusCode()).as(number.getKey() + " " + response.body()).isEqualTo(201);
            assertThat(strings(json(response).get("ramqWarnings"))).as(number.getKey()).isEqualTo(number.getValue());
            String caseId = json(response).get("caseId").asString();
            List<String> stored = mongo.findById(caseId, Document.class, "cases").getList("ramqWarnings", String.class);
            assertThat(stored).as("stored with the case").hasSize(number.getValue().size());
            assertThat(stored.stream().map(name -> name.toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList())
                    .isEqualTo(number.getValue());
            assertThat(strings(json(get("/api/cases/" + caseId)).get("ramqWarnings"))).as("in the case view").isEqualTo(number.getValue());
        }
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }

    /**
     * Fields the caller may not set (tenant, clinic, status, case id, history…) and unknown fields, at the top or nested, are a
     * 400 naming where they were, without echoing them; nothing is stored, nothing is published.
     */
    @Test
    void rejectsUnknownFieldsAndFieldsTheCallerMayNotSetAnywhereInTheBody() {
        long casesBefore = mongo.count(new Query(), "cases");
        Map<String, ObjectNode> refused = new LinkedHashMap<>();
        refused.put("body", aCase().put("tenant", MONTREAL));
        refused.put("body ", aCase().put("clinicId", MONTREAL));
        refused.put("body  ", aCase().put("status", "CLOSED"));
        refused.put("body   ", aCase().put("caseId", "c-" + UUID.randomUUID()));
        ObjectNode history = aCase();
        history.putArray("history").addObject().put("kind", "IMAGING");
        refused.put("body    ", history);
        refused.put("body     ", aCase().put("surnomSecret", "Mimi"));
        ObjectNode nested = aCase();
        CaseRequests.patientOf(nested).put("surnomSecret", "Mimi");
        refused.put("patient", nested);
        ObjectNode consentTenant = aCase();
        ((ObjectNode) consentTenant.get("consents").get("research")).put("tenant", MONTREAL);
        refused.put("consents.research", consentTenant);

        for (Map.Entry<String, ObjectNode> request : refused.entrySet()) {
            HttpResponse<String> response = postCase(request.getValue(), "strict-" + UUID.randomUUID());

            assertThat(response.statusCode()).as(request.getValue().toString()).isEqualTo(400);
            assertThat(contentType(response)).startsWith("application/problem+json");
            assertThat(fields(json(response))).as(request.getValue().toString()).containsExactly(request.getKey().strip());
            assertThat(response.body()).doesNotContain(MONTREAL, "CLOSED", "surnomSecret", "Mimi", "tenant\"", "IMAGING");
        }
        assertThat(mongo.count(new Query(), "cases")).isEqualTo(casesBefore);
    }

    /** Each consent purpose is kept with its own evidence (decision, time, method, text version) and shown in the case view. */
    @Test
    void keepsEachConsentWithItsTimeMethodAndTextVersion() {
        ObjectNode request = aCase();
        ((ObjectNode) request.get("consents").get("crossBorderCommunication")).put("method", "ELECTRONIC").put("textVersion", "2026-03");
        ((ObjectNode) request.get("consents").get("research")).put("method", "VERBAL").put("recordedAt", "2026-11-02T14:05:00Z");
        String caseId = json(postCase(request)).get("caseId").asString();

        JsonNode consents = json(get("/api/cases/" + caseId)).get("consents");

        assertThat(consents.get("careCoordination").get("granted").asBoolean()).isTrue();
        assertThat(consents.get("careCoordination").get("recordedAt").asString()).isEqualTo("2026-11-02T13:50:00Z");
        assertThat(consents.get("careCoordination").get("method").asString()).isEqualTo("WRITTEN");
        assertThat(consents.get("careCoordination").get("textVersion").asString()).isEqualTo("2026-01");
        assertThat(consents.get("crossBorderCommunication").get("granted").asBoolean()).isTrue();
        assertThat(consents.get("crossBorderCommunication").get("method").asString()).isEqualTo("ELECTRONIC");
        assertThat(consents.get("crossBorderCommunication").get("textVersion").asString()).isEqualTo("2026-03");
        assertThat(consents.get("research").get("granted").asBoolean()).isFalse();
        assertThat(consents.get("research").get("method").asString()).isEqualTo("VERBAL");
        assertThat(consents.get("research").get("recordedAt").asString()).isEqualTo("2026-11-02T14:05:00Z");

        HttpResponse<String> given = post("/api/cases/" + caseId + "/consents/research", CaseUpdatesIT.consent());
        assertThat(given.statusCode()).isEqualTo(200);
        JsonNode research = json(get("/api/cases/" + caseId)).get("consents").get("research");
        assertThat(research.get("granted").asBoolean()).isTrue();
        assertThat(research.get("recordedAt").asString()).isEqualTo("2026-11-15T10:00:00Z");
        assertThat(research.get("method").asString()).isEqualTo("VERBAL");
        assertThat(research.get("textVersion").asString()).isEqualTo("2026-02");
        Document stored = mongo.findById(caseId, Document.class, "cases").get("consents", Document.class);
        assertThat(stored.get("research", Document.class).getString("textVersion")).isEqualTo("2026-02");
        assertThat(stored.get("crossBorderCommunication", Document.class).getString("method")).isEqualTo("ELECTRONIC");
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

    /** Eight retries of one request, each on its own thread, released together: one case, one CaseOpened, one answer. */
    @Test
    void opensOneCaseWhenConcurrentRetriesWithTheSameKeyRace() {
        String key = "race-" + UUID.randomUUID();

        List<HttpResponse<String>> responses = race(8, i -> aCase(), key);

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(responses.stream().map(response -> json(response).get("caseId").asString()).distinct()).hasSize(1);
        assertThat(responses.stream().map(HttpResponse::body).distinct()).as("the same answer to every retry").hasSize(1);
        String caseId = json(responses.get(0)).get("caseId").asString();
        assertThat(mongo.count(Query.query(Criteria.where("idempotencyKey").is(key)), "cases")).isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("ramqLookup")
                .is(mongo.findById(caseId, Document.class, "cases").getString("ramqLookup")).and("clinicId").is(LAVAL)), "cases"))
                .as("one case for the patient at the clinic").isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> intakeEventsFor(caseId).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> intakeEventsFor(caseId).size() == 1);
    }

    /** Two different requests racing under one key: exactly one case; each answer is its 201 replay or 422 key-reused. */
    @Test
    void opensOneCaseWhenDifferentRequestsRaceUnderTheSameKey() {
        String key = "race-other-" + UUID.randomUUID();

        List<HttpResponse<String>> responses = race(8, i -> {
            ObjectNode request = aCase();
            ((ObjectNode) request.get("symptoms")).put("painNrs", i % 2 == 0 ? 7 : 4);
            return request;
        }, key);

        assertThat(mongo.count(Query.query(Criteria.where("idempotencyKey").is(key)), "cases")).isEqualTo(1);
        List<HttpResponse<String>> opened = responses.stream().filter(response -> response.statusCode() == 201).toList();
        List<HttpResponse<String>> refused = responses.stream().filter(response -> response.statusCode() != 201).toList();
        assertThat(opened).isNotEmpty();
        assertThat(opened.stream().map(response -> json(response).get("caseId").asString()).distinct()).hasSize(1);
        assertThat(opened.size()).as("the winner's four identical requests and nothing else").isEqualTo(4);
        for (HttpResponse<String> response : refused) {
            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(contentType(response)).startsWith("application/problem+json");
            assertThat(json(response).get("rule").asString()).isEqualTo("idempotency-key-reused");
        }
        String caseId = json(opened.get(0)).get("caseId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> intakeEventsFor(caseId).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> intakeEventsFor(caseId).size() == 1);
    }

    /** Sends {@code racers} POSTs from as many threads, all released by one barrier so that they truly overlap. */
    private List<HttpResponse<String>> race(int racers, java.util.function.IntFunction<ObjectNode> request, String key) {
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                ObjectNode body = request.apply(i);
                pending.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return postCase(body, key);
                }));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : pending) {
                responses.add(response.get(30, TimeUnit.SECONDS));
            }
            return responses;
        } catch (Exception e) {
            throw new AssertionError("the race did not finish", e);
        } finally {
            threads.shutdownNow();
        }
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
