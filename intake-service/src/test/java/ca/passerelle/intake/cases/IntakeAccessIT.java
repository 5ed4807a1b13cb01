package ca.passerelle.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import ca.passerelle.platform.security.AccessPolicy;
import ca.passerelle.platform.security.RouteInventory;
import ca.passerelle.testinfra.TestIssuer;
import ca.passerelle.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may call what (docs/security-model.md, intake rows): every route has a rule, roles the table does not name get
 * 403, a clinic opens and reads only its own cases (another clinic's case is 404, like an unknown one), a coordinator
 * opens on behalf of a clinic it names, and idempotency keys are scoped per referring clinic.
 */
class IntakeAccessIT extends IntakeHttp {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;
    @Autowired
    ApplicationContext context;
    @Autowired
    List<AccessPolicy> policies;
    @Autowired
    MongoTemplate mongo;

    /** Every route the dispatcher serves, not only the controllers': springdoc, actuator and any static route too. */
    @Test
    void givesEveryRouteAnExplicitRule() {
        assertThat(RouteInventory.routes(context)).as("controllers, springdoc and actuator endpoints, all enumerated")
                .contains("GET /api/cases", "POST /api/cases", "GET /api/cases/{caseId}", "POST /api/cases/{caseId}/documents",
                        "GET /v3/api-docs", "GET /actuator/health", "GET /actuator/prometheus", "GET /actuator/metrics")
                .as("no static-resource route").noneMatch(route -> route.endsWith(" /**") || route.contains("/webjars/"));
        assertThat(RouteInventory.routesWithoutRule(context, policies)).isEmpty();
    }

    @Test
    void refusesRolesTheTableDoesNotNameWithForbidden() {
        String caseId = openedByLaval();
        long casesBefore = mongo.count(new Query(), "cases");
        Map<String, String> mayNotOpen = Map.of(
                "specialist", TestTokens.specialist(),
                "hospital", TestTokens.hospital("fr-lyon-chu-01"),
                "service", TestTokens.service("travel-coordination-service"));
        Map<String, String> mayNotRead = Map.of(
                "hospital", TestTokens.hospital("fr-lyon-chu-01"),
                "service", TestTokens.service("rehab-followup-service"));

        mayNotOpen.forEach((role, token) -> {
            HttpResponse<String> response = postCase(aCase(), null, token);
            assertThat(response.statusCode()).as(role + " opening a case").isEqualTo(403);
            assertThat(contentType(response)).as(role).startsWith("application/problem+json");
        });
        mayNotRead.forEach((role, token) -> {
            HttpResponse<String> response = get("/api/cases/" + caseId, token);
            assertThat(response.statusCode()).as(role + " reading a case").isEqualTo(403);
            assertThat(response.body()).as(role).doesNotContain("Tremblay", "TREM");
        });
        assertThat(mongo.count(new Query(), "cases")).isEqualTo(casesBefore);
    }

    @Test
    void answersAnotherClinicsCaseExactlyLikeAnUnknownOne() {
        String caseId = openedByLaval();

        HttpResponse<String> foreign = get("/api/cases/" + caseId, TestTokens.clinic(MONTREAL));
        HttpResponse<String> unknown = get("/api/cases/c-" + UUID.randomUUID(), TestTokens.clinic(MONTREAL));

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(contentType(foreign)).startsWith("application/problem+json");
        assertThat(foreign.body()).doesNotContain("Tremblay", "TREM", LAVAL);
        assertThat(json(foreign).get("detail")).isEqualTo(json(unknown).get("detail"));
        assertThat(json(foreign).get("type")).isEqualTo(json(unknown).get("type"));
    }

    @Test
    void letsTheOwnClinicCoordinatorsAndSpecialistsReadTheCase() {
        String caseId = openedByLaval();

        for (String token : List.of(TestTokens.clinic(LAVAL), TestTokens.coordinator(), TestTokens.specialist())) {
            HttpResponse<String> response = get("/api/cases/" + caseId, token);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("referringClinicId").asString()).isEqualTo(LAVAL);
        }
    }

    @Test
    void refusesAClinicTokenThatNamesNoClinic() {
        String caseId = openedByLaval();
        String clinicWithoutId = TestIssuer.get().token("clinique-sans-id", List.of("CLINIC"), Map.of());

        HttpResponse<String> open = postCase(withoutReferringClinic(), null, clinicWithoutId);
        HttpResponse<String> read = get("/api/cases/" + caseId, clinicWithoutId);

        assertThat(open.statusCode()).isEqualTo(403);
        assertThat(contentType(open)).startsWith("application/problem+json");
        assertThat(read.statusCode()).isEqualTo(404);
    }

    @Test
    void opensTheCaseForTheClinicOfTheTokenWhenTheBodyNamesNone() {
        HttpResponse<String> response = postCase(withoutReferringClinic(), null, TestTokens.clinic(MONTREAL));

        assertThat(response.statusCode()).isEqualTo(201);
        String caseId = json(response).get("caseId").asString();
        assertThat(mongo.findById(caseId, Document.class, "cases").getString("clinicId")).isEqualTo(MONTREAL);
        assertThat(get("/api/cases/" + caseId, TestTokens.clinic(MONTREAL)).statusCode()).isEqualTo(200);
        assertThat(get("/api/cases/" + caseId, TestTokens.clinic(LAVAL)).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAClinicOpeningACaseForAnotherClinic() {
        long casesBefore = mongo.count(new Query(), "cases");

        HttpResponse<String> response = postCase(aCase(), "mismatch-" + UUID.randomUUID(), TestTokens.clinic(MONTREAL));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(contentType(response)).startsWith("application/problem+json");
        assertThat(json(response).get("rule").asString()).isEqualTo("clinic-mismatch");
        assertThat(response.body()).doesNotContain(LAVAL, MONTREAL);
        assertThat(mongo.count(new Query(), "cases")).isEqualTo(casesBefore);
    }

    @Test
    void letsACoordinatorOpenOnBehalfOfTheClinicItNames() {
        ObjectNode forMontreal = aCase().put("referringClinicId", MONTREAL);

        HttpResponse<String> response = postCase(forMontreal, null, TestTokens.coordinator());

        assertThat(response.statusCode()).isEqualTo(201);
        String caseId = json(response).get("caseId").asString();
        assertThat(mongo.findById(caseId, Document.class, "cases").getString("clinicId")).isEqualTo(MONTREAL);
    }

    @Test
    void requiresACoordinatorToNameTheReferringClinic() {
        long casesBefore = mongo.count(new Query(), "cases");

        for (ObjectNode request : List.of(withoutReferringClinic(), aCase().put("referringClinicId", " "))) {
            HttpResponse<String> response = postCase(request, null, TestTokens.coordinator());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(contentType(response)).startsWith("application/problem+json");
            JsonNode errors = json(response).get("errors");
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).get("field").asString()).isEqualTo("referringClinicId");
        }
        assertThat(mongo.count(new Query(), "cases")).isEqualTo(casesBefore);
    }

    @Test
    void scopesIdempotencyKeysPerReferringClinic() {
        String key = "shared-" + UUID.randomUUID();

        HttpResponse<String> laval = postCase(aCase(), key, TestTokens.clinic(LAVAL));
        HttpResponse<String> montreal = postCase(withoutReferringClinic(), key, TestTokens.clinic(MONTREAL));
        HttpResponse<String> montrealRetry = postCase(withoutReferringClinic(), key, TestTokens.clinic(MONTREAL));
        HttpResponse<String> lavalRetryWithoutClinic = postCase(withoutReferringClinic(), key, TestTokens.clinic(LAVAL));

        assertThat(List.of(laval, montreal, montrealRetry, lavalRetryWithoutClinic)).extracting(HttpResponse::statusCode).containsOnly(201);
        String lavalCase = json(laval).get("caseId").asString();
        String montrealCase = json(montreal).get("caseId").asString();
        assertThat(montrealCase).isNotEqualTo(lavalCase);
        assertThat(json(montrealRetry).get("caseId").asString()).isEqualTo(montrealCase);
        assertThat(json(lavalRetryWithoutClinic).get("caseId").asString()).isEqualTo(lavalCase);
        assertThat(mongo.count(Query.query(Criteria.where("idempotencyKey").is(key)), "cases")).isEqualTo(2);
        assertThat(mongo.findById(montrealCase, Document.class, "cases").getString("clinicId")).isEqualTo(MONTREAL);
    }

    /** Every update route with a valid body for it: method, path under the case, body (null for a document upload). */
    static List<String[]> updateRoutes() {
        return List.of(
                new String[] {"POST", "/conservative-care-sessions", CaseUpdatesIT.session().toString()},
                new String[] {"POST", "/imaging", CaseUpdatesIT.imaging().toString()},
                new String[] {"POST", "/symptoms", CaseUpdatesIT.symptoms().toString()},
                new String[] {"POST", "/red-flags", CaseUpdatesIT.redFlags().toString()},
                new String[] {"POST", "/consents/research", CaseUpdatesIT.consent().toString()},
                new String[] {"DELETE", "/consents/research", CaseUpdatesIT.consent().toString()},
                new String[] {"POST", "/documents", null},
                new String[] {"POST", "/close", CaseUpdatesIT.closing().toString()});
    }

    private HttpResponse<String> callUpdate(String[] route, String caseId, String token) {
        String path = "/api/cases/" + caseId + route[1];
        return route[2] == null ? upload(path, CaseDocumentsIT.aPdf(), "a.pdf", "application/pdf", "OTHER", token)
                : send(route[0], path, route[2], null, token);
    }

    @Test
    void refusesRolesTheTableDoesNotNameOnTheUpdateAndReadRoutes() {
        String caseId = openedByLaval();
        String specialist = TestTokens.specialist();
        String hospital = TestTokens.hospital("fr-lyon-chu-01");
        String service = TestTokens.service("travel-coordination-service");

        for (String[] route : updateRoutes()) {
            for (String token : List.of(specialist, hospital, service)) {
                HttpResponse<String> response = callUpdate(route, caseId, token);
                assertThat(response.statusCode()).as(route[0] + " " + route[1]).isEqualTo(403);
                assertThat(contentType(response)).startsWith("application/problem+json");
            }
        }
        for (String token : List.of(hospital, service)) {
            assertThat(get("/api/cases", token).statusCode()).as("list").isEqualTo(403);
        }
        for (String token : List.of(TestTokens.coordinator(), specialist, TestTokens.clinic(LAVAL), hospital)) {
            HttpResponse<String> identity = get("/api/cases/" + caseId + "/identity?purpose=travel-booking", token);
            assertThat(identity.statusCode()).as("identity").isEqualTo(403);
            assertThat(identity.body()).doesNotContain("Tremblay");
        }
        for (String token : List.of(specialist, hospital, service)) {
            assertThat(get("/api/cases/" + caseId + "/documents/d-1", token).statusCode()).as("document").isEqualTo(403);
        }
        assertThat(mongo.findById(caseId, Document.class, "cases").get("history")).as("nothing changed").isNull();
    }

    @Test
    void answersAnotherClinicsCaseWithNotFoundOnEveryUpdateRouteLikeAnUnknownCase() {
        String caseId = openedByLaval();
        String unknownCase = "c-" + UUID.randomUUID();
        HttpResponse<String> lavalDocument = upload("/api/cases/" + caseId + "/documents", CaseDocumentsIT.aPdf(), "a.pdf",
                "application/pdf", "OTHER", TestTokens.clinic(LAVAL));
        assertThat(lavalDocument.statusCode()).isEqualTo(201);
        String documentId = json(lavalDocument).get("resourceId").asString();
        Object historyBefore = mongo.findById(caseId, Document.class, "cases").get("history");

        for (String[] route : updateRoutes()) {
            HttpResponse<String> foreign = callUpdate(route, caseId, TestTokens.clinic(MONTREAL));
            HttpResponse<String> unknown = callUpdate(route, unknownCase, TestTokens.clinic(MONTREAL));
            assertThat(foreign.statusCode()).as(route[0] + " " + route[1]).isEqualTo(404);
            assertThat(contentType(foreign)).startsWith("application/problem+json");
            assertThat(json(foreign).get("detail")).isEqualTo(json(unknown).get("detail"));
            assertThat(foreign.body()).doesNotContain(LAVAL, "Tremblay");
        }
        HttpResponse<String> foreignRead = get("/api/cases/" + caseId, TestTokens.clinic(MONTREAL));
        assertThat(foreignRead.statusCode()).as("GET /api/cases/{caseId}").isEqualTo(404);
        HttpResponse<byte[]> foreignDownload = download("/api/cases/" + caseId + "/documents/" + documentId, TestTokens.clinic(MONTREAL));
        assertThat(foreignDownload.statusCode()).as("GET …/documents/{documentId} of an existing document").isEqualTo(404);
        assertThat(new String(foreignDownload.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        assertThat(get("/api/cases/" + unknownCase + "/documents/" + documentId, TestTokens.clinic(MONTREAL)).statusCode()).isEqualTo(404);
        assertThat(mongo.findById(caseId, Document.class, "cases").get("history")).as("nothing changed").isEqualTo(historyBefore);
        assertThat(mongo.getCollection("case-documents.files").countDocuments(new Document("metadata.caseId", caseId))).isEqualTo(1);
        assertThat(allListedCaseIds(TestTokens.clinic(MONTREAL))).as("GET /api/cases").doesNotContain(caseId);
    }

    /**
     * The route inventory behind the matrices: the service's own routes are exactly those this class exercises (the role
     * matrix, the cross-tenant matrix, the identity and list checks), so a new route fails here until it is added to them.
     */
    @Test
    void exercisesEveryRouteOfTheServiceInItsMatrices() {
        java.util.Set<String> served = new java.util.TreeSet<>();
        routes.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("ca.passerelle.intake")) {
                for (String pattern : info.getPatternValues()) {
                    info.getMethodsCondition().getMethods().forEach(method -> served.add(method.name() + " " + pattern));
                }
            }
        });
        java.util.Set<String> exercised = new java.util.TreeSet<>(List.of("POST /api/cases", "GET /api/cases", "GET /api/cases/{caseId}",
                "GET /api/cases/{caseId}/identity", "GET /api/cases/{caseId}/documents/{documentId}"));
        for (String[] route : updateRoutes()) {
            exercised.add(route[0] + " /api/cases/{caseId}" + route[1].replace("/research", "/{purpose}"));
        }
        assertThat(served).isEqualTo(exercised);
    }

    /** A token that names no role at all is refused (403) on every route: nothing is allowed by default. */
    @Test
    void refusesATokenWithoutRoleOnEveryRoute() {
        String caseId = openedByLaval();
        String noRole = TestIssuer.get().token(LAVAL, List.of(), Map.of("clinic_id", LAVAL));

        for (String[] route : updateRoutes()) {
            assertThat(callUpdate(route, caseId, noRole).statusCode()).as(route[0] + " " + route[1]).isEqualTo(403);
        }
        assertThat(postCase(aCase(), null, noRole).statusCode()).isEqualTo(403);
        for (String path : List.of("/api/cases", "/api/cases/" + caseId, "/api/cases/" + caseId + "/identity?purpose=travel-booking",
                "/api/cases/" + caseId + "/documents/d-" + UUID.randomUUID())) {
            HttpResponse<String> response = get(path, noRole);
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(contentType(response)).startsWith("application/problem+json");
        }
        assertThat(mongo.findById(caseId, Document.class, "cases").get("history")).isNull();
    }

    private List<String> allListedCaseIds(String token) {
        List<String> ids = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode found = json(get("/api/cases?size=100&page=" + page, token));
            found.get("cases").forEach(listed -> ids.add(listed.get("caseId").asString()));
            if (found.get("cases").isEmpty() || ids.size() >= found.get("total").asLong()) {
                return ids;
            }
        }
    }

    @Test
    void letsACoordinatorPostUpdatesOnBehalfOfTheClinic() {
        String caseId = openedByLaval();

        for (String[] route : updateRoutes()) {
            HttpResponse<String> response = callUpdate(route, caseId, TestTokens.coordinator());
            assertThat(response.statusCode()).as(route[0] + " " + route[1] + " " + response.body()).isIn(200, 201);
        }
        assertThat(mongo.findById(caseId, Document.class, "cases").getList("history", Document.class)).hasSize(updateRoutes().size());
        assertThat(mongo.findById(caseId, Document.class, "cases").getString("status")).isEqualTo("CLOSED");
    }

    private String openedByLaval() {
        HttpResponse<String> response = postCase(aCase(), null, TestTokens.clinic(LAVAL));
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response).get("caseId").asString();
    }

    private ObjectNode withoutReferringClinic() {
        ObjectNode request = aCase();
        request.remove("referringClinicId");
        return request;
    }
}
