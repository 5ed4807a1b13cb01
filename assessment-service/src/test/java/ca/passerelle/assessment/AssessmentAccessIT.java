package ca.passerelle.assessment;

import static ca.passerelle.assessment.CaseOpenedEvents.caseOpenedBy;
import static ca.passerelle.assessment.CaseOpenedEvents.newCaseId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import ca.passerelle.platform.security.AccessPolicy;
import ca.passerelle.platform.security.RouteInventory;
import ca.passerelle.testinfra.TestIssuer;
import ca.passerelle.testinfra.TestTokens;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may call what (docs/security-model.md): every route has an explicit rule, a role the table does not name is
 * refused with 403 whatever the case, and a clinic sees only its own clinic's cases; another clinic's case is 404,
 * indistinguishable from a case that does not exist.
 */
class AssessmentAccessIT extends ServiceIntegrationTest {

    private static final String LAVAL = "clinic-qc-laval-01";
    private static final String MONTREAL = "clinic-qc-montreal-01";
    private static final Duration PROCESSING = Duration.ofSeconds(30);
    private static final String EVALUATION = """
            {"decision":"FUSION","probableCauses":["HARDWARE_FAILURE"],"rationale":"instabilité L4-L5"}""";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;
    @Autowired
    List<AccessPolicy> policies;

    /** A case referred by {@code clinic}, verified and awaiting evaluation. */
    private String caseOf(String clinic) {
        String caseId = newCaseId();
        send(caseId, caseOpenedBy(clinic, caseId));
        await().atMost(PROCESSING).until(() -> get("/api/assessments/" + caseId, TestTokens.coordinator()).getStatusCode() == HttpStatus.OK);
        return caseId;
    }

    private static String status(ResponseEntity<String> response) {
        return json(response).get("status").asString();
    }

    @Test
    void everyRouteHasAnExplicitRule() {
        assertThat(routes.getHandlerMethods().keySet()).extracting(info -> info.getPatternValues())
                .contains(Set.of("/api/assessments/{caseId}"), Set.of("/api/assessments/{caseId}/evaluation"),
                        Set.of("/api/assessments/{caseId}/gating"), Set.of("/api/assessments/{caseId}/decision-support"));
        assertThat(RouteInventory.routesWithoutRule(routes, policies)).isEmpty();
    }

    @Test
    void refusesTheReadToRolesTheTableDoesNotName() {
        String caseId = caseOf(LAVAL);
        Map<String, String> forbidden = Map.of(
                "hospital", TestTokens.hospital("fr-lyon-chu-01"),
                "service", TestTokens.service("travel-coordination-service"),
                "no role", TestIssuer.get().token("nobody", List.of(), Map.of("clinic_id", LAVAL)));

        forbidden.forEach((who, token) -> {
            for (String path : readPaths(caseId, "c-unknown")) {
                ResponseEntity<String> refused = get(path, token);
                assertThat(refused.getStatusCode()).as(who + " on " + path).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(refused.getHeaders().getContentType()).as(who).hasToString("application/problem+json");
                assertThat(refused.getBody()).as(who).doesNotContain(caseId);
            }
        });
    }

    @Test
    void letsOnlySpecialistsRecordAnEvaluation() {
        String caseId = caseOf(LAVAL);
        Map<String, String> forbidden = Map.of(
                "coordinator", TestTokens.coordinator(),
                "the case's own clinic", TestTokens.clinic(LAVAL),
                "another clinic", TestTokens.clinic(MONTREAL),
                "hospital", TestTokens.hospital("fr-lyon-chu-01"),
                "service", TestTokens.service("travel-coordination-service"));

        forbidden.forEach((who, token) -> {
            assertThat(post("/api/assessments/" + caseId + "/evaluation", EVALUATION, token).getStatusCode())
                    .as(who).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post("/api/assessments/c-unknown/evaluation", EVALUATION, token).getStatusCode())
                    .as(who + " on an unknown case").isEqualTo(HttpStatus.FORBIDDEN);
        });
        assertThat(status(get("/api/assessments/" + caseId, TestTokens.coordinator()))).isEqualTo("AWAITING_EVALUATION");
        assertThat(publishedTypes(caseId)).hasSize(1);

        ResponseEntity<String> evaluated = post("/api/assessments/" + caseId + "/evaluation", EVALUATION, TestTokens.specialist());

        assertThat(evaluated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status(evaluated)).isEqualTo("SURGERY_RECOMMENDED");
        assertThat(json(evaluated).get("evaluation").get("evaluatedBy").asString()).isEqualTo("specialiste");
    }

    /** Every read route, for each case id given. */
    private static List<String> readPaths(String... caseIds) {
        return Arrays.stream(caseIds)
                .flatMap(caseId -> Stream.of("/api/assessments/" + caseId, "/api/assessments/" + caseId + "/gating",
                        "/api/assessments/" + caseId + "/decision-support"))
                .toList();
    }

    @Test
    void answersTheGatingAndDecisionSupportOfAClinicsOwnCasesOnlyAndToCoordinatorsAndSpecialists() {
        String lavalCase = caseOf(LAVAL);
        String unknownCase = newCaseId();

        for (String suffix : List.of("/gating", "/decision-support")) {
            String path = "/api/assessments/" + lavalCase + suffix;
            assertThat(get(path, TestTokens.clinic(LAVAL)).getStatusCode()).as("own clinic " + suffix).isEqualTo(HttpStatus.OK);
            assertThat(get(path, TestTokens.coordinator()).getStatusCode()).as("coordinator " + suffix).isEqualTo(HttpStatus.OK);
            assertThat(get(path, TestTokens.specialist()).getStatusCode()).as("specialist " + suffix).isEqualTo(HttpStatus.OK);
            ResponseEntity<String> foreign = get(path, TestTokens.clinic(MONTREAL));
            ResponseEntity<String> unknown = get("/api/assessments/" + unknownCase + suffix, TestTokens.clinic(MONTREAL));
            assertThat(foreign.getStatusCode()).as("another clinic " + suffix).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(withoutInstance(foreign)).as("no existence leak " + suffix).isEqualTo(withoutInstance(unknown));
            assertThat(foreign.getBody()).doesNotContain(LAVAL).doesNotContain("evaluation-missing");
        }
    }

    @Test
    void showsAClinicItsOwnCasesAndNoOtherClinics() {
        String lavalCase = caseOf(LAVAL);
        String montrealCase = caseOf(MONTREAL);

        ResponseEntity<String> own = get("/api/assessments/" + lavalCase, TestTokens.clinic(LAVAL));
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(own).get("caseId").asString()).isEqualTo(lavalCase);
        assertThat(get("/api/assessments/" + montrealCase, TestTokens.clinic(MONTREAL)).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> foreign = get("/api/assessments/" + montrealCase, TestTokens.clinic(LAVAL));
        ResponseEntity<String> unknown = get("/api/assessments/" + newCaseId(), TestTokens.clinic(LAVAL));
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/assessments/" + lavalCase, TestTokens.clinic(MONTREAL)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(withoutInstance(foreign)).as("no existence leak").isEqualTo(withoutInstance(unknown));
        assertThat(foreign.getBody()).doesNotContain(MONTREAL).doesNotContain("AWAITING_EVALUATION");
    }

    @Test
    void hidesEveryCaseFromAClinicTokenThatNamesNoClinic() {
        String caseId = caseOf(LAVAL);
        String clinicWithoutTenant = TestIssuer.get().token(LAVAL, List.of("CLINIC"), Map.of());

        assertThat(get("/api/assessments/" + caseId, clinicWithoutTenant).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/assessments/" + caseId + "?clinicId=" + LAVAL, TestTokens.clinic(MONTREAL)).getStatusCode())
                .as("the tenant comes from the token, never the query").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void showsEveryClinicsCasesToCoordinatorsAndSpecialists() {
        for (String caseId : List.of(caseOf(LAVAL), caseOf(MONTREAL))) {
            assertThat(get("/api/assessments/" + caseId, TestTokens.coordinator()).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(get("/api/assessments/" + caseId, TestTokens.specialist()).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }

    private static ObjectNode withoutInstance(ResponseEntity<String> response) {
        ObjectNode problem = (ObjectNode) json(response);
        problem.remove("instance");
        return problem;
    }
}
