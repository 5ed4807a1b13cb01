package ca.passerelle.travel.booking;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import com.github.tomakehurst.wiremock.WireMockServer;

import ca.passerelle.events.EventCodec;
import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.platform.messaging.AggregateStore;
import ca.passerelle.platform.security.AccessPolicy;
import ca.passerelle.platform.security.RouteInventory;
import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestIssuer;
import ca.passerelle.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The travel rows of the authorisation table (docs/security-model.md), over HTTP with real tokens: every route has a
 * rule; each role the table does not name is 403; a hospital sees and answers only its own appointments and another
 * hospital's is 404 exactly like an unknown one; coordinators see all and answer on a hospital's behalf, recorded.
 * Bookings are put in the state a test needs with the domain's own methods; WireMock plays facility-gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.travel.scheduling.tick=100ms"})
@RealInfrastructure
class TravelAccessIT {

    private static final WireMockServer gateway = new WireMockServer(options().dynamicPort());
    private static final String LYON = "fr-lyon-chu-01";
    private static final String PARIS = "fr-paris-clinique-01";
    private static final LocalDate SURGERY_ON = LocalDate.now(ZoneOffset.UTC).plusDays(40);

    static {
        gateway.start();
    }

    @DynamicPropertySource
    static void facilityGateway(DynamicPropertyRegistry registry) {
        registry.add("passerelle.travel.facility-gateway.base-url", gateway::baseUrl);
    }

    @BeforeAll
    static void gatewayAnswers() {
        gateway.stubFor(post(urlPathMatching("/api/holds/.+/confirmation")).willReturn(okJson("""
                {"holdId":"h-confirmed","slotId":"s-1","facilityId":"%s","date":"%s","status":"CONFIRMED","reference":"x","expiresAt":null}"""
                .formatted(LYON, SURGERY_ON))));
        gateway.stubFor(post(urlEqualTo("/api/holds")).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"holdId":"h-chosen","slotId":"s-1","facilityId":"%s","date":"%s","status":"HELD","reference":"x","expiresAt":"%s"}"""
                        .formatted(PARIS, SURGERY_ON, Instant.now().plus(Duration.ofDays(2))))));
        gateway.stubFor(delete(urlPathMatching("/api/holds/.+")).willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    static void stopGateway() {
        gateway.stop();
    }

    /** A role's token; hospitals are Lyon's. */
    private static final Map<String, Supplier<String>> ROLES = Map.of(
            "COORDINATOR", TestTokens::coordinator,
            "SPECIALIST", TestTokens::specialist,
            "CLINIC", () -> TestTokens.clinic("clinic-qc-laval-01"),
            "HOSPITAL", () -> TestTokens.hospital(LYON),
            "SERVICE", () -> TestTokens.service("rehab-followup-service"));

    record Route(String method, String path, String body, List<String> forbiddenRoles) {
    }

    /** Each route with the roles the table does not name for it. */
    private static final List<Route> FORBIDDEN = List.of(
            new Route("GET", "/api/bookings/c-1", null, List.of("CLINIC", "HOSPITAL", "SERVICE")),
            new Route("POST", "/api/bookings/c-1/choice", "{\"optionId\":\"opt-1\"}", List.of("SPECIALIST", "CLINIC", "HOSPITAL", "SERVICE")),
            new Route("GET", "/api/hospital/appointments", null, List.of("SPECIALIST", "CLINIC", "SERVICE")),
            new Route("POST", "/api/hospital/appointments/apt-1/confirmation", null, List.of("SPECIALIST", "CLINIC", "SERVICE")),
            new Route("POST", "/api/hospital/appointments/apt-1/decline", "{\"reason\":\"x\"}", List.of("SPECIALIST", "CLINIC", "SERVICE")),
            new Route("POST", "/api/hospital/appointments/apt-1/completion",
                    "{\"performedOn\":\"2027-01-20\",\"outcome\":\"COMPLETED_AS_PLANNED\"}", List.of("SPECIALIST", "CLINIC", "SERVICE")),
            new Route("POST", "/api/bookings/c-1/cancel", null, List.of("SPECIALIST", "CLINIC", "HOSPITAL", "SERVICE")),
            new Route("POST", "/api/bookings/c-1/reschedule", "{\"surgeryOn\":\"2027-01-20\"}",
                    List.of("SPECIALIST", "CLINIC", "HOSPITAL", "SERVICE")),
            new Route("GET", "/api/bookings/c-1/travel-plan", null, List.of("SPECIALIST", "CLINIC", "HOSPITAL", "SERVICE")),
            new Route("PUT", "/api/bookings/c-1/travel-plan", "{}", List.of("SPECIALIST", "CLINIC", "HOSPITAL", "SERVICE")),
            new Route("POST", "/api/hospital/appointments/apt-1/cancel", null, List.of("SPECIALIST", "CLINIC", "SERVICE")),
            new Route("POST", "/api/hospital/appointments/apt-1/reschedule", "{\"surgeryOn\":\"2027-01-20\"}",
                    List.of("SPECIALIST", "CLINIC", "SERVICE")),
            new Route("GET", "/api/hospital/feed?after=0", null, List.of("COORDINATOR", "SPECIALIST", "CLINIC", "SERVICE")),
            new Route("PUT", "/api/bookings/c-1/patient-constraints", "{\"frenchSpeakingOnly\":true}",
                    List.of("SPECIALIST", "CLINIC", "HOSPITAL", "SERVICE")));

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;
    @Autowired
    List<AccessPolicy> policies;
    @Autowired
    ApplicationContext context;
    @Autowired
    AggregateStore store;
    @Autowired
    SchedulingProperties policy;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> casesByAppointment = new HashMap<>();

    /** Every route the dispatcher serves, not only the controllers': springdoc, actuator and any static route too. */
    @Test
    void givesEveryRouteAnExplicitRule() {
        assertThat(RouteInventory.routes(context)).as("controllers, springdoc and actuator endpoints, all enumerated")
                .contains("GET /api/bookings/{caseId}", "POST /api/bookings/{caseId}/choice", "GET /api/hospital/appointments",
                        "GET /api/hospital/feed", "GET /v3/api-docs", "GET /actuator/health", "GET /actuator/prometheus", "GET /actuator/metrics")
                .as("no static-resource route").noneMatch(route -> route.endsWith(" /**") || route.contains("/webjars/"));
        assertThat(RouteInventory.routesWithoutRule(context, policies)).isEmpty();
        assertThat(routes.getHandlerMethods()).hasSizeGreaterThanOrEqualTo(FORBIDDEN.size());
    }

    /** The role matrix below is checked on every API route of the service: a new route without a row fails here. */
    @Test
    void coversEveryApiRouteInTheRoleMatrix() {
        List<String> apiRoutes = new ArrayList<>();
        routes.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream().filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods().forEach(method -> apiRoutes.add(method.name() + " " + pattern))));
        PathPatternParser parser = new PathPatternParser();

        assertThat(apiRoutes).isNotEmpty().allSatisfy(route -> {
            String method = route.substring(0, route.indexOf(' '));
            PathPattern pattern = parser.parse(route.substring(route.indexOf(' ') + 1));
            assertThat(FORBIDDEN).as("a role-matrix row for " + route).anyMatch(row -> row.method().equals(method)
                    && pattern.matches(PathContainer.parsePath(row.path().replaceFirst("\\?.*", ""))));
        });
        assertThat(FORBIDDEN).hasSize(apiRoutes.size());
    }

    @Test
    void refusesEveryRoleTheTableDoesNotNameWithForbidden() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Route route : FORBIDDEN) {
            for (String role : route.forbiddenRoles()) {
                Answer answer = send(ROLES.get(role).get(), route.method(), route.path(), route.body());
                if (answer.status() != 403 || !answer.contentType().startsWith("application/problem+json")) {
                    wrong.add(role + " " + route.method() + " " + route.path() + " → " + answer.status());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void answersAnotherHospitalsAppointmentAsUnknownOnEveryRoute() throws Exception {
        String lyons = awaitingConfirmation(LYON).appointment().orElseThrow().appointmentId();
        SurgeryBooking scheduled = scheduled(LYON);
        String lyonsScheduled = scheduled.appointment().orElseThrow().appointmentId();
        String paris = TestTokens.hospital(PARIS);

        Answer unknown = send(paris, "POST", "/api/hospital/appointments/apt-unknown0/confirmation", null);
        Answer confirm = send(paris, "POST", "/api/hospital/appointments/" + lyons + "/confirmation", null);
        Answer decline = send(paris, "POST", "/api/hospital/appointments/" + lyons + "/decline", "{\"reason\":\"pas nous\"}");
        Answer complete = send(paris, "POST", "/api/hospital/appointments/" + lyonsScheduled + "/completion",
                "{\"performedOn\":\"%s\",\"outcome\":\"COMPLETED_AS_PLANNED\"}".formatted(SURGERY_ON));
        Answer lyonsList = send(paris, "GET", "/api/hospital/appointments?hospitalId=" + LYON, null);
        Answer cancel = send(paris, "POST", "/api/hospital/appointments/" + lyonsScheduled + "/cancel", null);
        Answer reschedule = send(paris, "POST", "/api/hospital/appointments/" + lyonsScheduled + "/reschedule",
                "{\"surgeryOn\":\"%s\"}".formatted(SURGERY_ON.plusDays(3)));
        Answer lyonsFeed = send(paris, "GET", "/api/hospital/feed?after=0&hospitalId=" + LYON, null);

        assertThat(List.of(unknown, confirm, decline, complete, lyonsList, cancel, reschedule, lyonsFeed)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body().get("type").asString()).isEqualTo("https://passerelle.ca/problems/not-found");
        });
        assertThat(confirm.body().get("detail").asString()).isEqualTo("No appointment " + lyons);
        assertThat(appointmentIds(send(paris, "GET", "/api/hospital/appointments", null))).doesNotContain(lyons, lyonsScheduled);
        assertThat(appointmentIds(send(paris, "GET", "/api/hospital/appointments?hospitalId=" + PARIS, null)))
                .doesNotContain(lyons, lyonsScheduled);
        assertThat(bookingByAppointment(lyons).status()).isEqualTo(BookingStatus.AWAITING_HOSPITAL_CONFIRMATION);
        SurgeryBooking untouched = store.find(SurgeryBooking.class, scheduled.caseId()).orElseThrow();
        assertThat(untouched.status()).isEqualTo(BookingStatus.SCHEDULED);
        assertThat(untouched.appointment().orElseThrow().surgeryOn()).isEqualTo(SURGERY_ON);
        gateway.verify(0, postRequestedFor(urlEqualTo("/api/holds/h-" + bookingByAppointment(lyons).caseId() + "/confirmation")));
    }

    @Test
    void givesAHospitalTokenThatNamesNoHospitalNothing() throws Exception {
        String lyons = awaitingConfirmation(LYON).appointment().orElseThrow().appointmentId();
        String nameless = TestIssuer.get().token("fr-nameless", List.of("HOSPITAL"), Map.of());

        assertThat(send(nameless, "GET", "/api/hospital/appointments", null).status()).isEqualTo(403);
        assertThat(send(nameless, "POST", "/api/hospital/appointments/" + lyons + "/confirmation", null).status()).isEqualTo(404);
        assertThat(send(nameless, "GET", "/api/hospital/feed?after=0", null).status()).isEqualTo(404);
    }

    @Test
    void letsAHospitalSeeAndAnswerItsOwnAppointmentsWhateverHospitalIdItSends() throws Exception {
        String toConfirm = awaitingConfirmation(LYON).appointment().orElseThrow().appointmentId();
        String toDecline = awaitingConfirmation(LYON).appointment().orElseThrow().appointmentId();
        String toComplete = scheduled(LYON).appointment().orElseThrow().appointmentId();
        String parisOwn = awaitingConfirmation(PARIS).appointment().orElseThrow().appointmentId();
        String lyon = TestTokens.hospital(LYON);

        Answer own = send(lyon, "GET", "/api/hospital/appointments", null);
        assertThat(own.status()).isEqualTo(200);
        assertThat(appointmentIds(own)).contains(toConfirm, toDecline, toComplete).doesNotContain(parisOwn);
        assertThat(own.body().valueStream().map(a -> a.get("hospitalId").asString()).distinct().toList()).containsExactly(LYON);
        assertThat(appointmentIds(send(lyon, "GET", "/api/hospital/appointments?hospitalId=" + LYON, null))).contains(toConfirm);

        Answer confirmed = send(lyon, "POST", "/api/hospital/appointments/" + toConfirm + "/confirmation", null);
        Answer declined = send(lyon, "POST", "/api/hospital/appointments/" + toDecline + "/decline", "{\"reason\":\"Bloc fermé\"}");
        Answer completed = send(lyon, "POST", "/api/hospital/appointments/" + toComplete + "/completion",
                "{\"performedOn\":\"%s\",\"outcome\":\"COMPLETED_AS_PLANNED\"}".formatted(LocalDate.now(SurgeryBooking.QUEBEC)));

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(declined.status()).isEqualTo(200);
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.body().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(bookingByAppointment(toConfirm).hospitalDecisions()).singleElement()
                .satisfies(decision -> assertThat(decision.actedBy() + " as " + decision.actedAs()).isEqualTo(LYON + " as HOSPITAL"));
        gateway.verify(1, postRequestedFor(urlEqualTo("/api/holds/h-" + caseIdOf(toConfirm) + "/confirmation"))
                .withHeader("Authorization", matching("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> gateway.verify(1, deleteRequestedFor(urlEqualTo("/api/holds/h-"
                + caseIdOf(toDecline))).withHeader("Authorization", matching("Bearer .+"))));
    }

    @Test
    void letsACoordinatorSeeEveryHospitalAndAnswerOnItsBehalf() throws Exception {
        SurgeryBooking lyons = awaitingConfirmation(LYON);
        String lyonsAppointment = lyons.appointment().orElseThrow().appointmentId();
        String parisAppointment = awaitingConfirmation(PARIS).appointment().orElseThrow().appointmentId();
        String coordinator = TestTokens.coordinator();

        assertThat(appointmentIds(send(coordinator, "GET", "/api/hospital/appointments", null))).contains(lyonsAppointment, parisAppointment);
        Answer parisOnly = send(coordinator, "GET", "/api/hospital/appointments?hospitalId=" + PARIS, null);
        assertThat(appointmentIds(parisOnly)).contains(parisAppointment).doesNotContain(lyonsAppointment);
        assertThat(parisOnly.body().valueStream().map(a -> a.get("hospitalId").asString()).distinct().toList()).containsExactly(PARIS);

        Answer confirmed = send(coordinator, "POST", "/api/hospital/appointments/" + lyonsAppointment + "/confirmation", null);

        assertThat(confirmed.status()).isEqualTo(200);
        Answer booking = send(coordinator, "GET", "/api/bookings/" + lyons.caseId(), null);
        assertThat(booking.body().get("status").asString()).isEqualTo("SCHEDULED");
        JsonNode decision = booking.body().get("hospitalDecisions").get(0);
        assertThat(decision.get("decision").asString()).isEqualTo("CONFIRMED");
        assertThat(decision.get("hospitalId").asString()).isEqualTo(LYON);
        assertThat(decision.get("actedBy").asString()).isEqualTo("coordonnatrice");
        assertThat(decision.get("actedAs").asString()).isEqualTo("COORDINATOR");
    }

    @Test
    void letsSpecialistsReadABookingAndCoordinatorsPickItsOption() throws Exception {
        SurgeryBooking booking = store.insert(awaitingChoice(PARIS));

        Answer read = send(TestTokens.specialist(), "GET", "/api/bookings/" + booking.caseId(), null);
        Answer picked = send(TestTokens.coordinator(), "POST", "/api/bookings/" + booking.caseId() + "/choice", "{\"optionId\":\"opt-1\"}");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("status").asString()).isEqualTo("AWAITING_CHOICE");
        assertThat(picked.status()).isEqualTo(200);
        assertThat(picked.body().get("chosenBy").asString()).isEqualTo("coordonnatrice");
        assertThat(picked.body().get("status").asString()).isEqualTo("HOLDING");
    }

    // ---- bookings in the state a test needs ---------------------------------------------------------------------

    private SurgeryBooking awaitingChoice(String hospitalId) {
        Instant now = Instant.now();
        String caseId = "c-" + UUID.randomUUID();
        SurgeryBooking booking = SurgeryBooking.recommended(caseId, SurgicalCategory.SIMPLE_DECOMPRESSION, now, now);
        booking.optionsFound(List.of(new BookingOption("opt-1", hospitalId, "Hôpital", "Ville", true, "s-" + caseId, SURGERY_ON)), false, now);
        return booking;
    }

    /** One option only, so a decline ends in NO_OPTION instead of holding another slot. */
    private SurgeryBooking awaitingConfirmation(String hospitalId) {
        return store.insert(held(hospitalId));
    }

    private SurgeryBooking scheduled(String hospitalId) {
        SurgeryBooking booking = held(hospitalId);
        Hold hold = booking.hold().orElseThrow();
        booking.confirm(booking.appointment().orElseThrow().appointmentId(),
                new Hold(hold.holdId(), hold.slotId(), hold.facilityId(), hold.date(), "CONFIRMED", null), Instant.now());
        return store.insert(booking);
    }

    private SurgeryBooking held(String hospitalId) {
        Instant now = Instant.now();
        SurgeryBooking booking = awaitingChoice(hospitalId);
        booking.choose("opt-1", "coordonnatrice", now);
        String caseId = booking.caseId();
        String appointmentId = "apt-" + UUID.randomUUID().toString().substring(0, 8);
        booking.holdPlaced("opt-1", new Hold("h-" + caseId, "s-" + caseId, hospitalId, SURGERY_ON, "HELD", now.plus(Duration.ofDays(2))),
                appointmentId, policy, now.plus(Duration.ofDays(2)), now);
        casesByAppointment.put(appointmentId, caseId);
        return booking;
    }

    private SurgeryBooking bookingByAppointment(String appointmentId) {
        return store.find(SurgeryBooking.class, caseIdOf(appointmentId)).orElseThrow();
    }

    private String caseIdOf(String appointmentId) {
        return casesByAppointment.get(appointmentId);
    }

    // ---- HTTP -------------------------------------------------------------------------------------------------

    record Answer(int status, String contentType, JsonNode body) {
    }

    private static List<String> appointmentIds(Answer list) {
        assertThat(list.status()).isEqualTo(200);
        return list.body().valueStream().map(a -> a.get("appointmentId").asString()).toList();
    }

    private Answer send(String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", TestTokens.bearer(token))
                .header("Content-Type", "application/json")
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body().isEmpty() ? null : EventCodec.mapper().readTree(response.body()));
    }
}
