package ca.passerelle.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import ca.passerelle.platform.audit.AuditEntry;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/** PHI at rest: ciphertext only in the document, bound to its case and field; one open case per patient; audited reads. */
@ExtendWith(OutputCaptureExtension.class)
class CaseProtectionIT extends IntakeHttp {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    AuditTrail audit;

    @Test
    void storesIdentifiersAndFreeTextOnlyAsCiphertextAndStillAnswersThemInClear() {
        String caseId = opened(aCase(), TestTokens.clinic(LAVAL));
        // No waiting for the relay: the CaseOpened v2 waiting in the outbox carries codes only, no free text either.

        Document stored = mongo.findById(caseId, Document.class, "cases");
        String raw = stored.toJson();
        assertThat(raw).doesNotContain("Tremblay", "Marie", ramqNormalised(), ramq, "1974-03-12", "450-555-0101", "marie@example.org",
                "Syndrome d", "Discectomie", "Gagnon", "Fibrose");
        Document patient = stored.get("patient", Document.class);
        for (String field : List.of("familyNameAtBirth", "firstName", "dateOfBirth", "ramqNumber", "phone", "email")) {
            assertThat(patient.get(field)).as(field).isInstanceOf(Binary.class);
        }
        assertThat(stored.get("diagnosis", Document.class).get("description")).isInstanceOf(Binary.class);
        assertThat(stored.getList("imaging", Document.class).get(0).get("findingsSummary")).isInstanceOf(Binary.class);
        assertThat(stored.getList("priorSurgeries", Document.class).get(0).get("operativeNote")).isInstanceOf(Binary.class);
        assertThat(stored.getList("priorSurgeries", Document.class).get(0).getString("procedure")).isEqualTo("DISCECTOMY");
        assertThat(stored.getList("imaging", Document.class).get(0).getList("findings", String.class))
                .containsExactly("EPIDURAL_FIBROSIS", "FORAMINAL_STENOSIS");
        assertThat(patient.getString("homeRegion")).isEqualTo("QC-13");
        assertThat(stored.getString("ramqLookup")).isNotBlank().doesNotContain(ramqNormalised());

        JsonNode found = json(get("/api/cases/" + caseId));
        assertThat(found.get("patient").get("familyNameAtBirth").asString()).isEqualTo("Tremblay");
        assertThat(found.get("patient").get("firstName").asString()).isEqualTo("Marie");
        assertThat(found.get("patient").get("dateOfBirth").asString()).isEqualTo("1974-03-12");
        assertThat(found.get("patient").get("ramqNumber").asString()).isEqualTo(ramqNormalised());
        assertThat(found.get("patient").get("phone").asString()).isEqualTo("+1-450-555-0101");
        assertThat(found.get("patient").get("email").asString()).isEqualTo("marie@example.org");
        assertThat(found.get("diagnosis").get("description").asString()).isEqualTo("Syndrome d'échec de la chirurgie du dos");
        assertThat(found.get("imaging").get(0).get("findingsSummary").asString()).startsWith("Fibrose épidurale");
        assertThat(found.get("priorSurgeries").get(0).get("operativeNote").asString()).startsWith("Discectomie L4-L5");
        assertThat(found.get("priorSurgeries").get(0).get("procedure").asString()).isEqualTo("DISCECTOMY");
    }

    @Test
    void refusesToShowACaseWhoseCiphertextWasMovedFromAnotherCase(CapturedOutput output) {
        String victim = opened(aCase(), TestTokens.clinic(LAVAL));
        String donor = opened(CaseRequests.golden(CaseRequests.anotherRamqOfMarie()), TestTokens.clinic(LAVAL));
        Object donorName = mongo.findById(donor, Document.class, "cases").get("patient", Document.class).get("familyNameAtBirth");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(victim)), new Update().set("patient.familyNameAtBirth", donorName), "cases");

        HttpResponse<String> response = get("/api/cases/" + victim, TestTokens.coordinator());

        assertThat(response.statusCode()).as("a server-side integrity failure").isEqualTo(500);
        assertThat(contentType(response)).startsWith("application/problem+json");
        assertThat(json(response).get("type").asString()).endsWith("/case-unreadable");
        assertThat(response.body()).doesNotContain("Tremblay", "TREM", donor);
        assertThat(output.getAll()).contains("Case " + victim + " could not be read: field patient.familyNameAtBirth failed its integrity check");
        assertThat(output.getAll()).doesNotContain("Tremblay", ramqNormalised(), "marie@example.org");
        assertThat(get("/api/cases/" + donor, TestTokens.coordinator()).statusCode()).isEqualTo(200);
        assertThat(get("/api/cases/" + victim, TestTokens.clinic(MONTREAL)).statusCode()).as("no existence leak").isEqualTo(404);
        assertThat(audit.entriesAbout("case", victim)).extracting(AuditEntry::action).doesNotContain("case.identity.read");
    }

    @Test
    void refusesToShowACaseWhoseCiphertextWasMovedToAnotherField() {
        String caseId = opened(aCase(), TestTokens.clinic(LAVAL));
        Document patient = mongo.findById(caseId, Document.class, "cases").get("patient", Document.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId)), new Update().set("patient.firstName", patient.get("familyNameAtBirth")),
                "cases");

        HttpResponse<String> response = get("/api/cases/" + caseId);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).get("type").asString()).endsWith("/case-unreadable");
    }

    @Test
    void refusesASecondOpenCaseForTheSamePatientAtTheSameClinicWithoutNamingTheFirst() {
        String first = opened(aCase(), TestTokens.clinic(LAVAL));

        HttpResponse<String> second = postCase(aCase(), null, TestTokens.clinic(LAVAL));
        HttpResponse<String> onBehalf = postCase(aCase(), null, TestTokens.coordinator());
        HttpResponse<String> retyped = postCase(CaseRequests.golden(ramq.toLowerCase().replace(" ", "")), null, TestTokens.clinic(LAVAL));

        for (HttpResponse<String> refused : List.of(second, onBehalf, retyped)) {
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(contentType(refused)).startsWith("application/problem+json");
            assertThat(json(refused).get("type").asString()).endsWith("/case-already-open");
            assertThat(refused.body()).doesNotContain(first, "TREM");
        }
        assertThat(mongo.count(Query.query(Criteria.where("clinicId").is(LAVAL).and("ramqLookup")
                .is(mongo.findById(first, Document.class, "cases").getString("ramqLookup"))), "cases")).isEqualTo(1);
    }

    @Test
    void letsAnotherClinicOpenACaseForTheSamePatientUnderTheSameLookupValue() {
        String laval = opened(aCase(), TestTokens.clinic(LAVAL));
        String montreal = opened(aCase().put("referringClinicId", MONTREAL), TestTokens.clinic(MONTREAL));

        String lavalLookup = mongo.findById(laval, Document.class, "cases").getString("ramqLookup");
        assertThat(mongo.findById(montreal, Document.class, "cases").getString("ramqLookup")).isEqualTo(lavalLookup);
        String otherPatient = opened(CaseRequests.golden(CaseRequests.anotherRamqOfMarie()), TestTokens.clinic(LAVAL));
        assertThat(mongo.findById(otherPatient, Document.class, "cases").getString("ramqLookup")).isNotEqualTo(lavalLookup);
    }

    @Test
    void auditsEachReadOfTheIdentityOnceWithTheReaderAndNoIdentifier() {
        String caseId = opened(aCase(), TestTokens.clinic(LAVAL));

        assertThat(get("/api/cases/" + caseId, TestTokens.coordinator()).statusCode()).isEqualTo(200);

        List<AuditEntry> entries = audit.entriesAbout("case", caseId);
        assertThat(entries).extracting(AuditEntry::action).containsExactly("case.opened", "case.identity.read");
        AuditEntry read = entries.get(1);
        assertThat(read.actor()).isEqualTo("coordonnatrice");
        assertThat(read.roles()).containsExactly("COORDINATOR");
        assertThat(read.resourceType()).isEqualTo("case");
        assertThat(read.resourceId()).isEqualTo(caseId);
        assertThat(read.purpose()).isEqualTo("care-coordination");
        assertThat(entries.get(0).actor()).isEqualTo(LAVAL);
        List<Document> raw = mongo.find(Query.query(Criteria.where("resourceId").is(caseId)), Document.class, AuditTrail.COLLECTION);
        assertThat(raw).hasSize(2);
        raw.forEach(entry -> assertThat(entry.toJson()).doesNotContain("Tremblay", "Marie", ramqNormalised(), "TREM", "1974",
                "450-555", "marie@example.org"));
    }

    @Test
    void auditsNothingWhenTheReaderMayNotSeeTheCase() {
        String caseId = opened(aCase(), TestTokens.clinic(LAVAL));

        assertThat(get("/api/cases/" + caseId, TestTokens.clinic(MONTREAL)).statusCode()).isEqualTo(404);

        assertThat(audit.entriesAbout("case", caseId)).extracting(AuditEntry::action).containsExactly("case.opened");
    }

    private String opened(JsonNode request, String token) {
        HttpResponse<String> response = postCase(request, null, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("caseId").asString();
    }
}
