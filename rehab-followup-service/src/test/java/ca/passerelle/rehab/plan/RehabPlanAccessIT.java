package ca.passerelle.rehab.plan;

import static ca.passerelle.rehab.plan.CaseEvents.caseOpened;
import static ca.passerelle.rehab.plan.CaseEvents.newCaseId;
import static ca.passerelle.rehab.plan.CaseEvents.surgeryCompleted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import ca.passerelle.events.Topics;
import ca.passerelle.platform.security.AccessPolicy;
import ca.passerelle.platform.security.RouteInventory;
import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;

/**
 * Who may read a plan (docs/security-model.md, "rehab: read plan"): coordinators and specialists every plan, a clinic only
 * the plans of the cases it opened, whichever of CaseOpened and SurgeryCompleted arrives first; hospitals and services
 * never. Another clinic's plan, or one whose clinic is not known yet, answers a clinic exactly as an unknown case does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "passerelle.messaging.relay-interval=200ms")
@RealInfrastructure
class RehabPlanAccessIT {

    private static final String LAVAL = "clinic-qc-laval-01";
    private static final String MONTREAL = "clinic-qc-montreal-01";
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Autowired
    MongoTemplate mongo;
    @Autowired
    ApplicationContext context;
    @Autowired
    List<AccessPolicy> policies;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @LocalServerPort
    int port;

    /** Every route the dispatcher serves, not only the controllers': springdoc, actuator and any static route too. */
    @Test
    void namesEveryRouteOfTheServiceInAnExplicitRule() {
        assertThat(RouteInventory.routes(context)).as("controllers, springdoc and actuator endpoints, all enumerated")
                .contains("GET /api/rehab-plans/{caseId}", "POST /api/cases/{caseId}/follow-ups", "GET /api/alerts",
                        "POST /api/alerts/{alertId}/acknowledge", "GET /v3/api-docs", "GET /actuator/health", "GET /actuator/prometheus",
                        "GET /actuator/metrics")
                .as("no static-resource route").noneMatch(route -> route.endsWith(" /**") || route.contains("/webjars/"));
        assertThat(RouteInventory.routesWithoutRule(context, policies)).isEmpty();
    }

    @Test
    void showsThePlanToItsOwnClinicOnlyWhenTheCaseWasOpenedBeforeTheSurgeryWasDone() {
        String caseId = newCaseId();
        TopicProbe.send(kafka, Topics.INTAKE, caseId, caseOpened(caseId, LAVAL));
        await().atMost(DELIVERY).until(() -> stored(caseId).flatMap(RehabPlan::referringClinicId).isPresent());
        assertThat(stored(caseId).orElseThrow().isPlanned()).isFalse();
        assertThat(api().plan(caseId, TestTokens.coordinator()).status()).as("no plan yet").isEqualTo(404);

        TopicProbe.send(kafka, Topics.TRAVEL, caseId, surgeryCompleted(caseId));
        await().atMost(DELIVERY).until(() -> stored(caseId).filter(RehabPlan::isPlanned).isPresent());

        assertOnlyLavalAmongClinicsSees(caseId);
        assertThat(stored(caseId).orElseThrow().referringClinicId()).contains(LAVAL);
    }

    @Test
    void showsThePlanToItsOwnClinicOnlyOnceTheCaseOpenedArrivesAfterTheSurgeryWasDone() {
        String caseId = newCaseId();
        TopicProbe.send(kafka, Topics.TRAVEL, caseId, surgeryCompleted(caseId));
        await().atMost(DELIVERY).until(() -> stored(caseId).filter(RehabPlan::isPlanned).isPresent());

        assertThat(api().plan(caseId, TestTokens.coordinator()).status()).isEqualTo(200);
        assertThat(api().plan(caseId, TestTokens.specialist()).status()).isEqualTo(200);
        assertThat(api().plan(caseId, TestTokens.clinic(LAVAL)).status()).as("clinic not known yet").isEqualTo(404);
        assertThat(api().plan(caseId, TestTokens.clinic(MONTREAL)).status()).as("clinic not known yet").isEqualTo(404);

        TopicProbe.send(kafka, Topics.INTAKE, caseId, caseOpened(caseId, LAVAL));
        await().atMost(DELIVERY).until(() -> stored(caseId).flatMap(RehabPlan::referringClinicId).isPresent());

        assertOnlyLavalAmongClinicsSees(caseId);
        RehabPlan plan = stored(caseId).orElseThrow();
        assertThat(plan.isPlanned()).isTrue();
        assertThat(plan.category()).isNotNull();
    }

    @Test
    void keepsTheFirstClinicWhenAnotherCaseOpenedNamesADifferentOne() {
        String caseId = newCaseId();
        TopicProbe.send(kafka, Topics.INTAKE, caseId, caseOpened(caseId, LAVAL));
        // Same key on one topic, same partition: the Laval one is consumed first.
        TopicProbe.send(kafka, Topics.INTAKE, caseId, caseOpened(caseId, MONTREAL));
        TopicProbe.send(kafka, Topics.TRAVEL, caseId, surgeryCompleted(caseId));
        await().atMost(DELIVERY).until(() -> consumedEvents(caseId) == 3);

        assertOnlyLavalAmongClinicsSees(caseId);
    }

    @Test
    void answersAClinicTheSameForAnotherClinicsPlanAsForAnUnknownCase() {
        String caseId = newCaseId();
        TopicProbe.send(kafka, Topics.TRAVEL, caseId, surgeryCompleted(caseId));
        TopicProbe.send(kafka, Topics.INTAKE, caseId, caseOpened(caseId, LAVAL));
        await().atMost(DELIVERY).until(() -> stored(caseId).filter(RehabPlan::isPlanned).flatMap(RehabPlan::referringClinicId).isPresent());

        String unknownId = newCaseId();
        PlanApi.Answer foreign = api().plan(caseId, TestTokens.clinic(MONTREAL));
        PlanApi.Answer unknown = api().plan(unknownId, TestTokens.clinic(MONTREAL));

        assertThat(foreign.status()).isEqualTo(404).isEqualTo(unknown.status());
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        // The problem's instance is the request path: apart from the case id asked for, the two answers are the same.
        assertThat(foreign.body().replace(caseId, "{caseId}")).isEqualTo(unknown.body().replace(unknownId, "{caseId}"))
                .doesNotContain(LAVAL);
    }

    @Test
    void refusesHospitalsAndServicesWithForbiddenWhetherOrNotThePlanExists() {
        String caseId = newCaseId();
        TopicProbe.send(kafka, Topics.INTAKE, caseId, caseOpened(caseId, LAVAL));
        TopicProbe.send(kafka, Topics.TRAVEL, caseId, surgeryCompleted(caseId));
        await().atMost(DELIVERY).until(() -> stored(caseId).filter(RehabPlan::isPlanned).flatMap(RehabPlan::referringClinicId).isPresent());

        for (String existingOrNot : List.of(caseId, newCaseId())) {
            for (String token : List.of(TestTokens.hospital("fr-lyon-chu-01"), TestTokens.service("rehab-followup-service"),
                    TestTokens.service("travel-coordination-service"))) {
                PlanApi.Answer answer = api().plan(existingOrNot, token);
                assertThat(answer.status()).isEqualTo(403);
                assertThat(answer.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(api().plan(caseId, TestTokens.clinic(LAVAL)).status()).isEqualTo(200);
    }

    @Test
    void deniesEveryOtherRouteAndMethodEvenToACoordinator() {
        assertThat(api().get("/api/rehab-plans", TestTokens.coordinator()).status()).isEqualTo(403);
        assertThat(api().get("/actuator/metrics", TestTokens.coordinator()).status()).isEqualTo(403);
        assertThat(api().get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void admitsOnEachRouteExactlyTheRolesOfTheSecurityModel() {
        String caseId = newCaseId();
        String report = "{\"assessedOn\":\"2027-02-03\",\"painNrs\":5,\"odiSectionScores\":[1,1,1,1,1,1,1,1,1,1]}";
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("COORDINATOR", TestTokens.coordinator());
        tokens.put("SPECIALIST", TestTokens.specialist());
        tokens.put("CLINIC", TestTokens.clinic(LAVAL));
        tokens.put("HOSPITAL", TestTokens.hospital("fr-lyon-chu-01"));
        tokens.put("SERVICE", TestTokens.service("operations-dashboard"));
        record Route(String method, String path, String body, Set<String> admitted) {
        }
        List<Route> matrix = List.of(
                new Route("GET", "/api/rehab-plans/" + caseId, null, Set.of("COORDINATOR", "SPECIALIST", "CLINIC")),
                new Route("POST", "/api/cases/" + caseId + "/follow-ups", report, Set.of("CLINIC")),
                new Route("GET", "/api/cases/" + caseId + "/follow-ups", null, Set.of("COORDINATOR", "SPECIALIST", "CLINIC")),
                new Route("POST", "/api/cases/" + caseId + "/rehab-closure", "{\"closure\":\"OTHER\"}", Set.of("COORDINATOR")),
                new Route("GET", "/api/alerts", null, Set.of("COORDINATOR")),
                new Route("POST", "/api/alerts/al-unknown/acknowledge", "", Set.of("COORDINATOR")));

        for (Route route : matrix) {
            tokens.forEach((role, token) -> {
                PlanApi.Answer answer = route.method().equals("GET") ? api().get(route.path(), token) : api().post(route.path(), token, route.body());
                if (route.admitted().contains(role)) {
                    assertThat(answer.status()).as("%s %s as %s", route.method(), route.path(), role).isNotIn(401, 403, 405, 500);
                } else {
                    assertThat(answer.status()).as("%s %s as %s", route.method(), route.path(), role).isEqualTo(403);
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                }
            });
            assertThat(route.method().equals("GET") ? api().get(route.path(), null).status() : api().post(route.path(), null, route.body()).status())
                    .as("%s %s without a token", route.method(), route.path()).isEqualTo(401);
        }
    }

    private void assertOnlyLavalAmongClinicsSees(String caseId) {
        PlanApi.Answer own = api().plan(caseId, TestTokens.clinic(LAVAL));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("caseId").asString()).isEqualTo(caseId);
        assertThat(api().plan(caseId, TestTokens.clinic(MONTREAL)).status()).isEqualTo(404);
        assertThat(api().plan(caseId, TestTokens.coordinator()).status()).isEqualTo(200);
        assertThat(api().plan(caseId, TestTokens.specialist()).status()).isEqualTo(200);
    }

    private int consumedEvents(String caseId) {
        Document raw = mongo.getCollection("rehab-plans").find(new Document("_id", caseId)).first();
        return raw == null ? 0 : raw.getList("consumedEventIds", String.class).size();
    }

    private Optional<RehabPlan> stored(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, RehabPlan.class));
    }

    private PlanApi api() {
        return new PlanApi(port);
    }
}
