package ca.passerelle.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.Topics;
import ca.passerelle.events.intake.CareModality;
import ca.passerelle.events.intake.CaseClosed;
import ca.passerelle.events.intake.ClosureReason;
import ca.passerelle.events.intake.ConsentChanged;
import ca.passerelle.events.intake.ConsentPurpose;
import ca.passerelle.events.intake.ConservativeCareSessionRecorded;
import ca.passerelle.events.intake.ImagingRecorded;
import ca.passerelle.events.intake.RadiologicalFinding;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.events.intake.RedFlagReported;
import ca.passerelle.events.intake.SessionResponse;
import ca.passerelle.events.intake.SymptomsReported;
import ca.passerelle.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Case updates through the real broker: each update type is appended to the case with its event, published once; no record
 * on any topic carries the patient's name, RAMQ number, birth date or the clinic's free text; withdrawn consent and closure
 * stop updates; retries with the same Idempotency-Key are answered once.
 */
class CaseUpdatesIT extends IntakeHttp {

    static final String PROVIDER = "Physiothérapeute Jeanne Dubuc-Arsenault";
    static final String FINDINGS_TEXT = "Arachnoïdite probable, sac dural collé à L5";

    @Autowired
    MongoTemplate mongo;

    static ObjectNode session() {
        return CaseRequests.JSON.createObjectNode().put("modality", "PHYSIOTHERAPY").put("performedOn", "2026-11-10")
                .put("durationMinutes", 45).put("provider", PROVIDER).put("supervised", true).put("response", "IMPROVED");
    }

    static ObjectNode imaging() {
        ObjectNode imaging = CaseRequests.JSON.createObjectNode().put("modality", "MRI").put("performedOn", "2026-11-12")
                .put("levels", "L5-S1").put("findingsSummary", FINDINGS_TEXT);
        imaging.putArray("findings").add("ARACHNOIDITIS").add("EPIDURAL_FIBROSIS");
        return imaging;
    }

    static ObjectNode symptoms() {
        ObjectNode symptoms = CaseRequests.JSON.createObjectNode().put("assessedOn", "2026-11-14").put("painNrs", 5);
        var odi = symptoms.putArray("odiSectionScores");
        List.of(2, 2, 2, 2, 2, 2, 2, 2, 2, 2).forEach(odi::add);
        return symptoms;
    }

    static ObjectNode redFlags() {
        ObjectNode flags = CaseRequests.JSON.createObjectNode();
        flags.putArray("redFlags").add("SUSPECTED_INFECTION").add("SUSPECTED_INFECTION");
        return flags;
    }

    static ObjectNode consent() {
        return CaseRequests.JSON.createObjectNode().put("recordedAt", "2026-11-15T10:00:00Z").put("method", "VERBAL")
                .put("textVersion", "2026-02");
    }

    static ObjectNode closing() {
        return CaseRequests.JSON.createObjectNode().put("reason", "PATIENT_DECLINED");
    }

    @Test
    void publishesOneEventPerUpdateTypeAndNoRecordAnywhereNamesThePatient() {
        String caseId = openedCase();
        String base = "/api/cases/" + caseId;

        HttpResponse<String> session = post(base + "/conservative-care-sessions", session());
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        String sessionId = json(session).get("resourceId").asString();
        assertThat(post(base + "/imaging", imaging()).statusCode()).isEqualTo(201);
        HttpResponse<String> symptoms = post(base + "/symptoms", symptoms());
        assertThat(symptoms.statusCode()).isEqualTo(201);
        assertThat(post(base + "/red-flags", redFlags()).statusCode()).isEqualTo(201);
        HttpResponse<String> withdrawn = send("DELETE", base + "/consents/cross-border-communication", consent().toString(), null,
                TestTokens.clinic(LAVAL));
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(json(withdrawn).get("consents").get("crossBorderCommunication").asBoolean()).isFalse();
        assertThat(post(base + "/consents/research", consent()).statusCode()).isEqualTo(200);
        HttpResponse<String> document = upload(base + "/documents", CaseDocumentsIT.aPdf(), "Tremblay-Marie-IRM.pdf", "application/pdf",
                "IMAGING_REPORT", TestTokens.clinic(LAVAL));
        assertThat(document.statusCode()).as(document.body()).isEqualTo(201);
        HttpResponse<String> closed = post(base + "/close", closing(), null, TestTokens.coordinator());
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(json(closed).get("status").asString()).isEqualTo("CLOSED");

        await().atMost(Duration.ofSeconds(30)).until(() -> intakeEventsFor(caseId).size() >= 9);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> intakeEventsFor(caseId).size() == 9);
        List<EventEnvelope> events = intakeEventsFor(caseId).stream().map(record -> EventCodec.read(record.value())).toList();
        assertThat(events).extracting(EventEnvelope::type).containsExactly(EventCatalog.CASE_OPENED.name(),
                EventCatalog.CONSERVATIVE_CARE_SESSION_RECORDED.name(), EventCatalog.IMAGING_RECORDED.name(),
                EventCatalog.SYMPTOMS_REPORTED.name(), EventCatalog.RED_FLAG_REPORTED.name(), EventCatalog.CONSENT_CHANGED.name(),
                EventCatalog.CONSENT_CHANGED.name(), EventCatalog.DOCUMENT_ATTACHED.name(), EventCatalog.CASE_CLOSED.name());
        assertThat(events).extracting(EventEnvelope::subject).containsOnly(caseId);

        ConservativeCareSessionRecorded recorded = EventCodec.payload(events.get(1), EventCatalog.CONSERVATIVE_CARE_SESSION_RECORDED);
        assertThat(recorded.sessionId()).isEqualTo(sessionId);
        assertThat(recorded.modality()).isEqualTo(CareModality.PHYSIOTHERAPY);
        assertThat(recorded.durationMinutes()).isEqualTo(45);
        assertThat(recorded.response()).isEqualTo(SessionResponse.IMPROVED);
        assertThat(recorded.supervised()).isTrue();
        ImagingRecorded imaged = EventCodec.payload(events.get(2), EventCatalog.IMAGING_RECORDED);
        assertThat(imaged.study().findings()).containsExactly(RadiologicalFinding.ARACHNOIDITIS, RadiologicalFinding.EPIDURAL_FIBROSIS);
        assertThat(imaged.study().levels()).isEqualTo("L5-S1");
        SymptomsReported reported = EventCodec.payload(events.get(3), EventCatalog.SYMPTOMS_REPORTED);
        assertThat(reported.symptoms().odiPercent()).as("scored by intake").isEqualTo(40.0);
        assertThat(reported.symptoms().painNrs()).isEqualTo(5);
        RedFlagReported flagged = EventCodec.payload(events.get(4), EventCatalog.RED_FLAG_REPORTED);
        assertThat(flagged.redFlags()).containsExactly(RedFlag.SUSPECTED_INFECTION);
        ConsentChanged crossBorder = EventCodec.payload(events.get(5), EventCatalog.CONSENT_CHANGED);
        assertThat(crossBorder.purpose()).isEqualTo(ConsentPurpose.CROSS_BORDER_COMMUNICATION);
        assertThat(crossBorder.granted()).isFalse();
        assertThat(crossBorder.stopsCrossBorder()).isTrue();
        assertThat(crossBorder.stopsProcessing()).isFalse();
        ConsentChanged research = EventCodec.payload(events.get(6), EventCatalog.CONSENT_CHANGED);
        assertThat(research.consents().research()).isTrue();
        assertThat(research.consents().crossBorderCommunication()).as("consents in force after both changes").isFalse();
        CaseClosed closure = EventCodec.payload(events.get(8), EventCatalog.CASE_CLOSED);
        assertThat(closure.reason()).isEqualTo(ClosureReason.PATIENT_DECLINED);

        List<ConsumerRecord<String, byte[]>> everything = recordsOnEveryTopic();
        assertThat(everything).hasSizeGreaterThanOrEqualTo(9);
        assertThat(everything).extracting(ConsumerRecord::topic).as("the intake topic is among those scanned").contains(Topics.INTAKE);
        for (ConsumerRecord<String, byte[]> record : everything) {
            StringBuilder seen = new StringBuilder(String.valueOf(record.key())).append('\n')
                    .append(new String(record.value(), StandardCharsets.UTF_8));
            for (Header header : record.headers()) {
                seen.append('\n').append(header.key()).append('=')
                        .append(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
            }
            assertThat(seen.toString()).as("key, value and headers of a record on %s", record.topic()).doesNotContain("Tremblay",
                    "Marie", "TREM", ramqNormalised(), ramq, "1974-03-12", "19740312", "marie@example.org", "450-555",
                    "Dubuc", "Arachnoïdite", "Gagnon", "Fibrose", "Tremblay-Marie-IRM");
        }
    }

    @Test
    void showsTheCurrentPictureAndTheHistoryAndSealsTheFreeTextOfUpdates() {
        String caseId = openedCase();
        String base = "/api/cases/" + caseId;
        post(base + "/conservative-care-sessions", session());
        post(base + "/imaging", imaging());
        post(base + "/symptoms", symptoms());
        post(base + "/red-flags", redFlags());

        JsonNode view = json(get(base));

        assertThat(view.get("symptoms").get("painNrs").asInt()).as("the latest report is the current picture").isEqualTo(5);
        assertThat(view.get("symptoms").get("odiPercent").asDouble()).isEqualTo(40.0);
        assertThat(view.get("symptomReports")).hasSize(1);
        assertThat(view.get("imaging")).hasSize(2);
        assertThat(view.get("imaging").get(1).get("findingsSummary").asString()).isEqualTo(FINDINGS_TEXT);
        assertThat(view.get("redFlags").toString()).isEqualTo("[\"SUSPECTED_INFECTION\"]");
        assertThat(view.get("conservativeCareSessions").get(0).get("provider").asString()).isEqualTo(PROVIDER);
        assertThat(view.get("history")).extracting(entry -> entry.get("kind").asString())
                .containsExactly("CONSERVATIVE_CARE_SESSION", "IMAGING", "SYMPTOMS", "RED_FLAGS");
        assertThat(view.get("history").get(0).get("recordedBy").asString()).isEqualTo(LAVAL);
        assertThat(view.get("history").get(0).has("idempotencyKey")).isFalse();

        Document stored = mongo.findById(caseId, Document.class, "cases");
        assertThat(stored.toJson()).doesNotContain("Dubuc", "Arachnoïdite");
        assertThat(stored.getList("conservativeCareSessions", Document.class).get(0).get("provider")).isInstanceOf(Binary.class);
        assertThat(stored.getList("imaging", Document.class).get(1).get("findingsSummary")).isInstanceOf(Binary.class);
    }

    @Test
    void refusesEveryUpdateButAConsentOnceCareCoordinationIsWithdrawn() {
        String caseId = openedCase();
        String base = "/api/cases/" + caseId;
        HttpResponse<String> withdrawn = send("DELETE", base + "/consents/care-coordination", consent().toString(), null,
                TestTokens.clinic(LAVAL));
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> intakeEventsFor(caseId).size() == 2);
        ConsentChanged change = EventCodec.payload(EventCodec.read(intakeEventsFor(caseId).get(1).value()), EventCatalog.CONSENT_CHANGED);
        assertThat(change.stopsProcessing()).isTrue();
        for (String path : List.of("/conservative-care-sessions", "/imaging", "/symptoms", "/red-flags")) {
            ObjectNode body = switch (path) {
                case "/conservative-care-sessions" -> session();
                case "/imaging" -> imaging();
                case "/symptoms" -> symptoms();
                default -> redFlags();
            };
            HttpResponse<String> refused = post(base + path, body);
            assertThat(refused.statusCode()).as(path).isEqualTo(409);
            assertThat(contentType(refused)).startsWith("application/problem+json");
            assertThat(json(refused).get("type").asString()).endsWith("/consent-withdrawn");
        }
        HttpResponse<String> document = upload(base + "/documents", CaseDocumentsIT.aPdf(), "x.pdf", "application/pdf", "OTHER",
                TestTokens.clinic(LAVAL));
        assertThat(document.statusCode()).isEqualTo(409);
        Document stored = mongo.findById(caseId, Document.class, "cases");
        assertThat(stored.getList("history", Document.class)).as("nothing written but the withdrawal").hasSize(1);
        assertThat(stored.get("conservativeCareSessions")).isNull();
        assertThat(stored.getList("imaging", Document.class)).hasSize(1);
        assertThat(mongo.getCollection("case-documents.files").countDocuments(new Document("metadata.caseId", caseId))).isZero();

        assertThat(post(base + "/consents/care-coordination", consent()).statusCode()).as("re-consent").isEqualTo(200);
        assertThat(post(base + "/red-flags", redFlags()).statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> intakeEventsFor(caseId).size() == 4);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> intakeEventsFor(caseId).size() == 4);
    }

    @Test
    void refusesEveryUpdateOfAClosedCase() {
        String caseId = openedCase();
        String base = "/api/cases/" + caseId;
        assertThat(post(base + "/close", closing()).statusCode()).isEqualTo(200);

        List<HttpResponse<String>> refused = List.of(post(base + "/red-flags", redFlags()), post(base + "/symptoms", symptoms()),
                post(base + "/consents/research", consent()), post(base + "/close", closing()));

        for (HttpResponse<String> response : refused) {
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(contentType(response)).startsWith("application/problem+json");
            assertThat(json(response).get("type").asString()).endsWith("/case-closed");
        }
        assertThat(json(get(base)).get("closure").get("reason").asString()).isEqualTo("PATIENT_DECLINED");
        assertThat(postCase(aCase()).statusCode()).as("the patient may be referred again").isEqualTo(201);
    }

    @Test
    void answersARetriedUpdateOnceAndRefusesTheKeyForAnotherUpdate() {
        String caseId = openedCase();
        String base = "/api/cases/" + caseId;
        String key = "session-" + UUID.randomUUID();

        HttpResponse<String> first = post(base + "/conservative-care-sessions", session(), key, TestTokens.clinic(LAVAL));
        HttpResponse<String> retry = post(base + "/conservative-care-sessions", session(), key, TestTokens.clinic(LAVAL));
        HttpResponse<String> reused = post(base + "/conservative-care-sessions", session().put("durationMinutes", 30), key,
                TestTokens.clinic(LAVAL));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(json(retry).get("updateId")).isEqualTo(json(first).get("updateId"));
        assertThat(json(retry).get("resourceId")).isEqualTo(json(first).get("resourceId"));
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(json(reused).get("rule").asString()).isEqualTo("idempotency-key-reused");
        assertThat(mongo.findById(caseId, Document.class, "cases").getList("conservativeCareSessions", Document.class)).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> intakeEventsFor(caseId).size() == 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> intakeEventsFor(caseId).size() == 2);
    }

    @Test
    void rejectsFieldsTheCallerMayNotSetAndUnknownCodesWithoutEchoingThem() {
        String caseId = openedCase();
        String base = "/api/cases/" + caseId;
        List<ObjectNode> refused = List.of(session().put("status", "CLOSED"), session().put("clinicId", MONTREAL),
                session().put("tenant", MONTREAL), session().put("modality", "ACUPUNCTURE-TREMBLAY"),
                session().put("response", "HEALED"), redFlags().put("caseId", "c-other"));
        for (ObjectNode body : refused) {
            String path = body.has("redFlags") ? "/red-flags" : "/conservative-care-sessions";
            HttpResponse<String> response = post(base + path, body);
            assertThat(response.statusCode()).as(body.toString()).isEqualTo(400);
            assertThat(contentType(response)).startsWith("application/problem+json");
            assertThat(json(response).get("errors")).isNotEmpty();
            assertThat(response.body()).doesNotContain(MONTREAL, "ACUPUNCTURE", "TREMBLAY", "HEALED", "c-other", "tenant\"");
        }
        HttpResponse<String> unknownCode = post(base + "/conservative-care-sessions", session().put("modality", "ACUPUNCTURE-TREMBLAY"));
        assertThat(json(unknownCode).get("errors").get(0).get("field").asString()).isEqualTo("modality");
        Document stored = mongo.findById(caseId, Document.class, "cases");
        assertThat(stored.get("history")).as("nothing written").isNull();
        assertThat(stored.get("conservativeCareSessions")).isNull();

        ObjectNode openWithUnknownProcedure = aCase();
        ((ObjectNode) openWithUnknownProcedure.get("priorSurgeries").get(0)).put("procedure", "Discectomie L4-L5");
        HttpResponse<String> open = postCase(openWithUnknownProcedure);
        assertThat(open.statusCode()).isEqualTo(400);
        assertThat(json(open).get("errors").get(0).get("field").asString()).isEqualTo("priorSurgeries[0].procedure");
        assertThat(open.body()).doesNotContain("Discectomie");
        ObjectNode openWithStatus = aCase().put("status", "CLOSED");
        assertThat(postCase(openWithStatus).statusCode()).isEqualTo(400);
        ObjectNode openWithUnknownFinding = aCase();
        ((tools.jackson.databind.node.ArrayNode) openWithUnknownFinding.get("imaging").get(0).get("findings")).add("SOMETHING_ELSE");
        HttpResponse<String> finding = postCase(openWithUnknownFinding);
        assertThat(finding.statusCode()).isEqualTo(400);
        assertThat(json(finding).get("errors").get(0).get("field").asString()).isEqualTo("imaging[0].findings[2]");
    }
}
