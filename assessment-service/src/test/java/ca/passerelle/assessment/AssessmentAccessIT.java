package ca.passerelle.assessment;

import static ca.passerelle.assessment.CaseOpenedEvents.caseOpenedBy;
import static ca.passerelle.assessment.CaseOpenedEvents.newCaseId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
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
    org.springframework.context.ApplicationContext context;
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
        assertThat(RouteInventory.routes(context)).as("controllers, springdoc and actuator endpoints, all enumerated")
                .contains("GET /api/assessments/{caseId}", "POST /api/assessments/{caseId}/evaluation", "GET /v3/api-docs",
                        "GET /actuator/health", "GET /actuator/prometheus", "GET /actuator/metrics")
                .as("no static-resource route").noneMatch(route -> route.endsWith(" /**") || route.contains("/webjars/"));
        assertThat(RouteInventory.routesWithoutRule(context, policies)).as("every route the dispatcher serves has a rule").isEmpty();
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
    void letsOnlySpecialistsAndCoordinatorsRecordAnEvaluation() {
        String caseId = caseOf(LAVAL);
        Map<String, String> forbidden = Map.of(
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
        for (String admitted : List.of(TestTokens.specialist(), TestTokens.coordinator())) {
            assertThat(post("/api/assessments/c-unknown/evaluation", EVALUATION, admitted).getStatusCode())
                    .as("an admitted role on an unknown case").isEqualTo(HttpStatus.NOT_FOUND);
        }

        ResponseEntity<String> evaluated = post("/api/assessments/" + caseId + "/evaluation", EVALUATION, TestTokens.specialist());

        assertThat(evaluated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status(evaluated)).isEqualTo("SURGERY_RECOMMENDED");
        assertThat(json(evaluated).get("evaluation").get("evaluatedBy").asString()).isEqualTo("specialiste");

        ResponseEntity<String> again = post("/api/assessments/" + caseId + "/evaluation", EVALUATION, TestTokens.coordinator());
        assertThat(again.getStatusCode()).as("a coordinator passes the rule, then meets the one-evaluation rule")
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(json(again).get("rule").asString()).isEqualTo("assessment-not-awaiting-evaluation");
    }

    /** One HTTP route of the service as the handler mapping declares it; {@code ANY} when it names no method. */
    private record Route(String method, String pattern) {

        String on(String caseId) {
            return pattern.replace("{caseId}", caseId);
        }

        String body() {
            return "POST".equals(method) ? EVALUATION : null;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** Every API route the service serves, read from the handler mapping (so a new route is never left out). */
    private List<Route> apiRoutes() {
        return routes.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream().filter(pattern -> pattern.startsWith("/api/"))
                        .flatMap(pattern -> info.getMethodsCondition().getMethods().isEmpty() ? Stream.of(new Route("ANY", pattern))
                                : info.getMethodsCondition().getMethods().stream().map(method -> new Route(method.name(), pattern))))
                .distinct()
                .toList();
    }

    /** Every actor of the security model, tenant-bound ones from the case's clinic and from another clinic. */
    private static Map<String, String> actors() {
        Map<String, String> actors = new LinkedHashMap<>();
        actors.put("coordinator", TestTokens.coordinator());
        actors.put("specialist", TestTokens.specialist());
        actors.put("the case's own clinic", TestTokens.clinic(LAVAL));
        actors.put("another clinic", TestTokens.clinic(MONTREAL));
        actors.put("hospital", TestTokens.hospital("fr-lyon-chu-01"));
        actors.put("service", TestTokens.service("travel-coordination-service"));
        actors.put("operator", TestIssuer.get().token("metrics-scraper", List.of("OPERATOR"), Map.of()));
        actors.put("no role", TestIssuer.get().token("nobody", List.of(), Map.of("clinic_id", LAVAL)));
        return actors;
    }

    /**
     * docs/security-model.md as a matrix: route × actor → status on a case of {@code LAVAL}. The evaluation (specialist or
     * coordinator) is the one write; the admitted roles play it last, outside the matrix, since it changes the case.
     */
    private static Map<Route, Map<String, Integer>> expectedMatrix() {
        Map<String, Integer> read = Map.of("coordinator", 200, "specialist", 200, "the case's own clinic", 200, "another clinic", 404,
                "hospital", 403, "service", 403, "operator", 403, "no role", 403);
        Map<String, Integer> evaluate = Map.of("the case's own clinic", 403, "another clinic", 403,
                "hospital", 403, "service", 403, "operator", 403, "no role", 403);
        return Map.of(
                new Route("GET", "/api/assessments/{caseId}"), read,
                new Route("GET", "/api/assessments/{caseId}/gating"), read,
                new Route("GET", "/api/assessments/{caseId}/decision-support"), read,
                new Route("POST", "/api/assessments/{caseId}/evaluation"), evaluate);
    }

    @Test
    void answersEveryRouteForEveryActorAsTheSecurityModelSaysWithAnotherTenantsCaseAnswered404() {
        String caseId = caseOf(LAVAL);
        String unknownId = newCaseId();
        Map<Route, Map<String, Integer>> matrix = expectedMatrix();
        assertThat(apiRoutes()).as("every route of the service is in the matrix").containsExactlyInAnyOrderElementsOf(matrix.keySet());

        matrix.forEach((route, expected) -> actors().forEach((who, token) -> {
            if (!expected.containsKey(who)) {
                return;
            }
            int status = expected.get(who);
            ResponseEntity<String> onCase = exchange(HttpMethod.valueOf(route.method()), route.on(caseId), route.body(), TestTokens.bearer(token));
            ResponseEntity<String> onUnknown = exchange(HttpMethod.valueOf(route.method()), route.on(unknownId), route.body(),
                    TestTokens.bearer(token));
            assertThat(onCase.getStatusCode().value()).as(who + " on " + route).isEqualTo(status);
            assertThat(onUnknown.getStatusCode().value()).as(who + " on " + route + " of an unknown case").isEqualTo(status == 403 ? 403 : 404);
            if (status != 200) {
                assertThat(onCase.getHeaders().getContentType()).as(who + " on " + route).hasToString("application/problem+json");
                assertThat(withoutInstance(onCase)).as(who + " on " + route + ": no existence leak").isEqualTo(withoutInstance(onUnknown));
                assertThat(String.valueOf(onCase.getBody())).as(who + " on " + route).doesNotContain(caseId).doesNotContain(LAVAL);
            }
        }));
        assertThat(status(get("/api/assessments/" + caseId, TestTokens.coordinator()))).isEqualTo("AWAITING_EVALUATION");
        assertThat(publishedTypes(caseId)).as("no refused call changed the case").hasSize(1);

        Route evaluate = new Route("POST", "/api/assessments/{caseId}/evaluation");
        for (String admitted : List.of("specialist", "coordinator")) {
            assertThat(exchange(HttpMethod.POST, evaluate.on(unknownId), EVALUATION, TestTokens.bearer(actors().get(admitted))).getStatusCode())
                    .as(admitted + " on " + evaluate + " of an unknown case").isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(exchange(HttpMethod.POST, evaluate.on(caseId), EVALUATION, TestTokens.bearer(TestTokens.coordinator())).getStatusCode())
                .as("coordinator on " + evaluate).isEqualTo(HttpStatus.OK);
    }

    @Test
    void refusesAMissingOrForgedTokenOnEveryRoute() {
        String caseId = caseOf(LAVAL);
        List<Route> every = apiRoutes();
        assertThat(every).hasSize(4);

        for (Route route : every) {
            HttpMethod method = HttpMethod.valueOf(route.method());
            ResponseEntity<String> anonymous = exchange(method, route.on(caseId), route.body(), null);
            assertThat(anonymous.getStatusCode()).as("no token on " + route).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(anonymous.getHeaders().getContentType()).as("no token on " + route).hasToString("application/problem+json");
            TestTokens.forgeries().forEach((forgery, token) -> {
                ResponseEntity<String> refused = exchange(method, route.on(caseId), route.body(), TestTokens.bearer(token));
                assertThat(refused.getStatusCode()).as(forgery + " on " + route).isEqualTo(HttpStatus.UNAUTHORIZED);
                assertThat(String.valueOf(refused.getBody())).as(forgery + " on " + route).doesNotContain(caseId);
            });
        }
        assertThat(status(get("/api/assessments/" + caseId, TestTokens.coordinator()))).isEqualTo("AWAITING_EVALUATION");
        assertThat(publishedTypes(caseId)).hasSize(1);
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
