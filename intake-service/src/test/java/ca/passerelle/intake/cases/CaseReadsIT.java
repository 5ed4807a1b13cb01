package ca.passerelle.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ca.passerelle.platform.audit.AuditEntry;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/** Lists of cases (a clinic's own, every clinic's for a coordinator; pages of at most 100) and the audited identity read for services. */
class CaseReadsIT extends IntakeHttp {

    @Autowired
    AuditTrail audit;

    @Test
    void listsOnlyTheClinicsOwnCasesAndEveryCaseForACoordinator() {
        String laval = openedCase();
        HttpResponse<String> montrealOpened = postCase(aCase().put("referringClinicId", MONTREAL), null, TestTokens.clinic(MONTREAL));
        String montreal = json(montrealOpened).get("caseId").asString();

        List<String> lavalSees = allCaseIds(TestTokens.clinic(LAVAL));
        List<String> montrealSees = allCaseIds(TestTokens.clinic(MONTREAL));
        List<String> coordinatorSees = allCaseIds(TestTokens.coordinator());

        assertThat(lavalSees).contains(laval).doesNotContain(montreal);
        assertThat(montrealSees).contains(montreal).doesNotContain(laval);
        assertThat(coordinatorSees).contains(laval, montreal);
        JsonNode page = json(get("/api/cases?size=1", TestTokens.clinic(LAVAL)));
        assertThat(page.get("cases")).hasSize(1);
        assertThat(page.get("total").asLong()).isEqualTo(lavalSees.size());
        String listed = get("/api/cases?size=100", TestTokens.clinic(LAVAL)).body();
        assertThat(listed).as("pseudonymous").doesNotContain("Tremblay", "TREM", "1974-03-12");
        assertThat(audit.entriesAbout("case", laval)).extracting(AuditEntry::action).doesNotContain("case.identity.read");
    }

    @Test
    void refusesAPageLargerThan100OrANegativePage() {
        for (String query : List.of("size=101", "size=0", "page=-1", "size=lots")) {
            HttpResponse<String> response = get("/api/cases?" + query, TestTokens.coordinator());
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(contentType(response)).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("lots");
        }
        assertThat(get("/api/cases?size=100", TestTokens.coordinator()).statusCode()).isEqualTo(200);
    }

    @Test
    void givesAServiceTheIdentityWithoutTheRamqNumberAndAuditsItsPurpose() {
        String caseId = openedCase();

        HttpResponse<String> response = get("/api/cases/" + caseId + "/identity?purpose=travel-booking",
                TestTokens.service("travel-coordination-service"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode identity = json(response);
        assertThat(identity.get("familyNameAtBirth").asString()).isEqualTo("Tremblay");
        assertThat(identity.get("dateOfBirth").asString()).isEqualTo("1974-03-12");
        assertThat(response.body()).doesNotContain(ramqNormalised(), "ramqNumber");
        List<AuditEntry> entries = audit.entriesAbout("case", caseId);
        assertThat(entries).extracting(AuditEntry::action).containsExactly("case.opened", "case.identity.read");
        assertThat(entries.get(1).purpose()).isEqualTo("travel-booking");
        assertThat(entries.get(1).actor()).isEqualTo("travel-coordination-service");
        assertThat(entries.get(1).roles()).containsExactly("SERVICE");

        HttpResponse<String> noPurpose = get("/api/cases/" + caseId + "/identity", TestTokens.service("travel-coordination-service"));
        assertThat(noPurpose.statusCode()).isEqualTo(400);
        assertThat(audit.entriesAbout("case", caseId)).hasSize(2);
    }

    @Test
    void refusesTheIdentityToAServiceOnceCareCoordinationConsentIsWithdrawn() {
        String caseId = openedCase();
        send("DELETE", "/api/cases/" + caseId + "/consents/care-coordination", CaseUpdatesIT.consent().toString(), null,
                TestTokens.clinic(LAVAL));

        HttpResponse<String> response = get("/api/cases/" + caseId + "/identity?purpose=travel-booking",
                TestTokens.service("travel-coordination-service"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("type").asString()).endsWith("/consent-withdrawn");
        assertThat(response.body()).doesNotContain("Tremblay");
        assertThat(audit.entriesAbout("case", caseId)).extracting(AuditEntry::action).doesNotContain("case.identity.read");
    }

    /** Every case id the caller may list, page by page. */
    private List<String> allCaseIds(String token) {
        List<String> ids = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = get("/api/cases?size=100&page=" + page, token);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode found = json(response);
            StreamSupport.stream(found.get("cases").spliterator(), false).map(c -> c.get("caseId").asString()).forEach(ids::add);
            if (found.get("cases").isEmpty() || ids.size() >= found.get("total").asLong()) {
                assertThat(ids).doesNotHaveDuplicates();
                return ids;
            }
        }
    }
}
