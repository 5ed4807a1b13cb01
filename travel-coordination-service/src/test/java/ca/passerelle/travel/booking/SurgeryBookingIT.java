package ca.passerelle.travel.booking;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.Topics;
import ca.passerelle.events.assessment.SurgeryRecommended;
import ca.passerelle.events.assessment.UrgentReferralRequired;
import ca.passerelle.events.travel.SurgeryCompleted;
import ca.passerelle.platform.audit.AuditEntry;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.events.travel.SurgeryScheduled;
import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestIssuer;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The saga end to end: recommendations arrive on the real broker, bookings live in the real database, WireMock plays
 * facility-gateway, partner hospitals answer over HTTP, events leave through the outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.travel.scheduling.tick=100ms",
        "passerelle.travel.scheduling.retry-initial=100ms",
        "passerelle.travel.scheduling.retry-max=400ms",
        "passerelle.messaging.relay-interval=200ms"})
@RealInfrastructure
class SurgeryBookingIT {

    private static final WireMockServer gateway = new WireMockServer(options().dynamicPort());
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String LYON = "fr-lyon-chu-01";
    private static final String PARIS = "fr-paris-clinic-02";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    static {
        gateway.start();
    }

    @DynamicPropertySource
    static void facilityGateway(DynamicPropertyRegistry registry) {
        registry.add("passerelle.travel.facility-gateway.base-url", gateway::baseUrl);
    }

    @BeforeAll
    static void partnerHospitals() {
        gateway.stubFor(get(urlPathEqualTo("/api/facilities"))
                .withQueryParam("country", equalTo("FR"))
                .withQueryParam("category", equalTo("SIMPLE_DECOMPRESSION"))
                .withQueryParam("kind", equalTo("SURGICAL_HOSPITAL"))
                .willReturn(okJson("""
                        {"facilities":[
                          {"id":"%s","name":"CHU de Lyon","kind":"SURGICAL_HOSPITAL","country":"FR","region":"ARA","city":"Lyon",
                           "categories":["SIMPLE_DECOMPRESSION","FUSION"],"languages":["fr"]},
                          {"id":"%s","name":"Clinique du Rachis","kind":"SURGICAL_HOSPITAL","country":"FR","region":"IDF","city":"Paris",
                           "categories":["SIMPLE_DECOMPRESSION"],"languages":["fr","en"]}],
                         "stale":false,"asOf":"2026-11-28T16:00:00Z","ageSeconds":0}""".formatted(LYON, PARIS))));
        gateway.stubFor(get(urlPathEqualTo("/api/facilities/" + LYON + "/availability")).willReturn(okJson("""
                {"facilityId":"%s","slots":[
                  {"slotId":"lyon-too-soon","facilityId":"%1$s","date":"%s","status":"AVAILABLE"},
                  {"slotId":"lyon-1","facilityId":"%1$s","date":"%s","status":"AVAILABLE"},
                  {"slotId":"lyon-held","facilityId":"%1$s","date":"%s","status":"HELD"}],
                 "stale":false,"asOf":"2026-11-28T16:00:00Z","ageSeconds":0}""".formatted(LYON, TODAY.plusDays(10), TODAY.plusDays(40),
                TODAY.plusDays(30)))));
        gateway.stubFor(get(urlPathEqualTo("/api/facilities/" + PARIS + "/availability")).willReturn(okJson("""
                {"facilityId":"%s","slots":[{"slotId":"paris-1","facilityId":"%1$s","date":"%s","status":"AVAILABLE"}],
                 "stale":true,"asOf":"2026-11-28T16:00:00Z","ageSeconds":120}""".formatted(PARIS, TODAY.plusDays(45)))));
        gateway.stubFor(delete(urlPathMatching("/api/holds/.+")).willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    static void stopGateway() {
        gateway.stop();
    }

    @Autowired
    AuditTrail audit;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @LocalServerPort
    int port;

    @Test
    void schedulesConfirmsAndCompletesASurgeryPublishingBothEventsInOrder() {
        String caseId = newCaseId();
        stubHold(caseId, "lyon-1", LYON, TODAY.plusDays(40));
        stubConfirmation(holdId(caseId, "lyon-1"), "lyon-1", LYON, TODAY.plusDays(40));

        sendRecommendation(caseId, UUID.randomUUID().toString());

        JsonNode booking = awaitBooking(caseId, "AWAITING_HOSPITAL_CONFIRMATION");
        assertThat(booking.get("category").asString()).isEqualTo("SIMPLE_DECOMPRESSION");
        assertThat(booking.get("options")).hasSize(2);
        assertThat(booking.get("options").get(0).get("slotId").asString()).isEqualTo("lyon-1");
        assertThat(booking.get("hold").get("holdId").asString()).isEqualTo(holdId(caseId, "lyon-1"));
        JsonNode appointment = booking.get("appointment");
        String appointmentId = appointment.get("appointmentId").asString();
        assertThat(appointmentId).matches("apt-[0-9a-f]{8}");
        assertThat(appointment.get("hospitalId").asString()).isEqualTo(LYON);
        assertThat(appointment.get("surgeryOn").asString()).isEqualTo(TODAY.plusDays(40).toString());
        assertThat(appointment.get("preOpConsultationOn").asString()).isEqualTo(TODAY.plusDays(38).toString());
        assertThat(appointment.get("fitToFlyOn").asString()).isEqualTo(TODAY.plusDays(50).toString());

        Answer appointments = http(TestTokens.hospital(LYON), "GET", "/api/hospital/appointments?hospitalId=" + LYON, null);
        assertThat(appointments.status()).isEqualTo(200);
        assertThat(appointments.body().valueStream().filter(a -> a.get("appointmentId").asString().equals(appointmentId)).toList())
                .singleElement().satisfies(a -> assertThat(a.get("status").asString()).isEqualTo("AWAITING_CONFIRMATION"));
        assertThat(http(TestTokens.hospital(PARIS), "GET", "/api/hospital/appointments", null).body().valueStream()
                .noneMatch(a -> a.get("appointmentId").asString().equals(appointmentId))).isTrue();

        Answer confirmation = http(TestTokens.hospital(LYON), "POST", "/api/hospital/appointments/" + appointmentId + "/confirmation", null);
        assertThat(confirmation.status()).isEqualTo(200);
        assertThat(confirmation.body().get("status").asString()).isEqualTo("CONFIRMED");
        gateway.verify(exactly(1), postRequestedFor(urlEqualTo("/api/holds/" + holdId(caseId, "lyon-1") + "/confirmation")));

        await().atMost(PATIENCE).until(() -> travelEvents(caseId).size() == 1);
        ConsumerRecord<String, byte[]> scheduledRecord = travelEvents(caseId).get(0);
        EventEnvelope scheduledEnvelope = EventCodec.read(scheduledRecord.value());
        assertThat(scheduledRecord.key()).isEqualTo(caseId);
        assertThat(scheduledEnvelope.source()).isEqualTo("/passerelle/travel-coordination-service");
        SurgeryScheduled scheduled = EventCodec.payload(scheduledEnvelope, EventCatalog.SURGERY_SCHEDULED);
        assertThat(scheduled.appointmentId()).isEqualTo(appointmentId);
        assertThat(scheduled.hospitalId()).isEqualTo(LYON);
        assertThat(scheduled.surgeryOn()).isEqualTo(TODAY.plusDays(40));
        assertThat(scheduled.preOpConsultationOn()).isEqualTo(TODAY.plusDays(38));
        assertThat(scheduled.fitToFlyOn()).isEqualTo(TODAY.plusDays(50));

        Answer completion = http(TestTokens.hospital(LYON), "POST", "/api/hospital/appointments/" + appointmentId + "/completion", """
                {"performedOn":"%s","dischargedOn":"%s","outcome":"COMPLETED_AS_PLANNED"}""".formatted(TODAY.plusDays(40), TODAY.plusDays(43)));
        assertThat(completion.status()).isEqualTo(200);
        assertThat(completion.body().get("status").asString()).isEqualTo("COMPLETED");

        await().atMost(PATIENCE).until(() -> travelEvents(caseId).size() == 2);
        List<EventEnvelope> events = travelEvents(caseId).stream().map(record -> EventCodec.read(record.value())).toList();
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly(EventCatalog.SURGERY_SCHEDULED.name(), EventCatalog.SURGERY_COMPLETED.name());
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L);
        SurgeryCompleted completed = EventCodec.payload(events.get(1), EventCatalog.SURGERY_COMPLETED);
        assertThat(completed.performedOn()).isEqualTo(TODAY.plusDays(40));
        assertThat(completed.dischargedOn()).isEqualTo(TODAY.plusDays(43));
        JsonNode completedBooking = http(TestTokens.coordinator(), "GET", "/api/bookings/" + caseId, null).body();
        assertThat(completedBooking.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completedBooking.get("hospitalDecisions").valueStream().map(d -> d.get("decision").asString() + " by "
                + d.get("actedBy").asString() + " as " + d.get("actedAs").asString()).toList())
                .containsExactly("CONFIRMED by " + LYON + " as HOSPITAL", "COMPLETED by " + LYON + " as HOSPITAL");
        assertThat(audit.entriesAbout("case", caseId)).extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::tenant)
                .containsExactly(tuple("appointment.confirmed", LYON, LYON), tuple("surgery.completion-reported", LYON, LYON));
        assertEveryGatewayRequestCarriedThisServicesToken();
    }

    @Test
    void answersProblemsForUnknownBookingsAndAppointmentsAndForStepsOutOfTurn() {
        String caseId = newCaseId();
        stubHold(caseId, "lyon-1", LYON, TODAY.plusDays(40));
        sendRecommendation(caseId, UUID.randomUUID().toString());
        String appointmentId = awaitBooking(caseId, "AWAITING_HOSPITAL_CONFIRMATION").get("appointment").get("appointmentId").asString();

        Answer tooEarly = http(TestTokens.hospital(LYON), "POST", "/api/hospital/appointments/" + appointmentId + "/completion",
                "{\"performedOn\":\"%s\",\"outcome\":\"COMPLETED_AS_PLANNED\"}".formatted(TODAY.plusDays(40)));
        assertThat(tooEarly.status()).isEqualTo(422);
        assertThat(tooEarly.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(tooEarly.body().get("rule").asString()).isEqualTo("booking-not-scheduled");

        Answer choiceOutOfTurn = http(TestTokens.coordinator(), "POST", "/api/bookings/" + caseId + "/choice", "{\"optionId\":\"opt-2\"}");
        assertThat(choiceOutOfTurn.status()).isEqualTo(422);

        Answer invalid = http(TestTokens.hospital(LYON), "POST", "/api/hospital/appointments/" + appointmentId + "/completion", "{\"outcome\":\"COMPLETED_AS_PLANNED\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").get(0).get("field").asString()).isEqualTo("performedOn");

        assertThat(http(TestTokens.coordinator(), "GET", "/api/bookings/c-unknown", null).status()).isEqualTo(404);
        Answer unknownAppointment = http(TestTokens.hospital(LYON), "POST", "/api/hospital/appointments/apt-00000000/confirmation", null);
        assertThat(unknownAppointment.status()).isEqualTo(404);
        assertThat(unknownAppointment.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(http(TestTokens.coordinator(), "GET", "/api/bookings/" + caseId, null).body().get("status").asString()).isEqualTo("AWAITING_HOSPITAL_CONFIRMATION");
    }

    @Test
    void answersServiceUnavailableAndChangesNothingWhenTheGatewayCannotConfirm() {
        String caseId = newCaseId();
        stubHold(caseId, "lyon-1", LYON, TODAY.plusDays(40));
        gateway.stubFor(post(urlEqualTo("/api/holds/" + holdId(caseId, "lyon-1") + "/confirmation"))
                .willReturn(aResponse().withStatus(503)));
        sendRecommendation(caseId, UUID.randomUUID().toString());
        String appointmentId = awaitBooking(caseId, "AWAITING_HOSPITAL_CONFIRMATION").get("appointment").get("appointmentId").asString();

        Answer confirmation = http(TestTokens.hospital(LYON), "POST", "/api/hospital/appointments/" + appointmentId + "/confirmation", null);

        assertThat(confirmation.status()).isEqualTo(503);
        assertThat(confirmation.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(confirmation.body().get("type").asString()).endsWith("/facility-gateway-unavailable");
        assertThat(status(caseId)).isEqualTo("AWAITING_HOSPITAL_CONFIRMATION");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> travelEvents(caseId).isEmpty());
    }

    @Test
    void retriesTheHoldWhileTheGatewayIsUnavailableAndEndsWithExactlyOneHold() {
        String caseId = newCaseId();
        String scenario = "hold-" + caseId;
        String state = Scenario.STARTED;
        for (int failure = 1; failure <= 3; failure++) {
            gateway.stubFor(post(urlEqualTo("/api/holds")).withRequestBody(matchingJsonPath("$.reference", equalTo(caseId)))
                    .inScenario(scenario).whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json")
                            .withBody("{\"title\":\"Facility API unavailable\",\"status\":503}"))
                    .willSetStateTo("failed-" + failure));
            state = "failed-" + failure;
        }
        gateway.stubFor(post(urlEqualTo("/api/holds")).withRequestBody(matchingJsonPath("$.reference", equalTo(caseId)))
                .inScenario(scenario).whenScenarioStateIs(state)
                .willReturn(holdAnswer(holdId(caseId, "lyon-1"), "lyon-1", LYON, TODAY.plusDays(40), caseId)));

        sendRecommendation(caseId, UUID.randomUUID().toString());

        JsonNode booking = awaitBooking(caseId, "AWAITING_HOSPITAL_CONFIRMATION");
        assertThat(booking.get("hold").get("holdId").asString()).isEqualTo(holdId(caseId, "lyon-1"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> holdRequests(caseId) == 4 && "AWAITING_HOSPITAL_CONFIRMATION".equals(status(caseId)));
        gateway.verify(exactly(4), postRequestedFor(urlEqualTo("/api/holds"))
                .withRequestBody(matchingJsonPath("$.slotId", equalTo("lyon-1")))
                .withRequestBody(matchingJsonPath("$.reference", equalTo(caseId))));
        gateway.verify(exactly(0), deleteRequestedFor(urlEqualTo("/api/holds/" + holdId(caseId, "lyon-1"))));
    }

    @Test
    void releasesTheDeclinedHoldAndHoldsTheNextOption() {
        String caseId = newCaseId();
        stubHold(caseId, "lyon-1", LYON, TODAY.plusDays(40));
        stubHold(caseId, "paris-1", PARIS, TODAY.plusDays(45));
        sendRecommendation(caseId, UUID.randomUUID().toString());
        String declined = awaitBooking(caseId, "AWAITING_HOSPITAL_CONFIRMATION").get("appointment").get("appointmentId").asString();

        Answer decline = http(TestTokens.hospital(LYON), "POST", "/api/hospital/appointments/" + declined + "/decline", "{\"reason\":\"Chirurgien indisponible\"}");
        assertThat(decline.status()).isEqualTo(200);

        await().atMost(PATIENCE).until(() -> {
            JsonNode booking = http(TestTokens.coordinator(), "GET", "/api/bookings/" + caseId, null).body();
            return "AWAITING_HOSPITAL_CONFIRMATION".equals(booking.get("status").asString())
                    && booking.get("hold").get("holdId").asString().equals(holdId(caseId, "paris-1"));
        });
        JsonNode booking = http(TestTokens.coordinator(), "GET", "/api/bookings/" + caseId, null).body();
        assertThat(booking.get("appointment").get("hospitalId").asString()).isEqualTo(PARIS);
        assertThat(booking.get("appointment").get("appointmentId").asString()).isNotEqualTo(declined);
        assertThat(booking.get("options")).hasSize(1);
        gateway.verify(exactly(1), deleteRequestedFor(urlEqualTo("/api/holds/" + holdId(caseId, "lyon-1"))));
        gateway.verify(exactly(1), postRequestedFor(urlEqualTo("/api/holds")).withRequestBody(matchingJsonPath("$.slotId", equalTo("paris-1")))
                .withRequestBody(matchingJsonPath("$.reference", equalTo(caseId))));
        assertThat(http(TestTokens.hospital(LYON), "POST", "/api/hospital/appointments/" + declined + "/confirmation", null).status()).isEqualTo(404);
    }

    @Test
    void opensOneBookingWithOneHoldWhenTheSameRecommendationArrivesTwice() {
        String caseId = newCaseId();
        stubHold(caseId, "lyon-1", LYON, TODAY.plusDays(40));
        String eventId = UUID.randomUUID().toString();
        double duplicatesBefore = consumed(EventCatalog.SURGERY_RECOMMENDED.name(), "duplicate");

        sendRecommendation(caseId, eventId);
        sendRecommendation(caseId, eventId);

        await().atMost(PATIENCE).until(() -> consumed(EventCatalog.SURGERY_RECOMMENDED.name(), "duplicate") > duplicatesBefore);
        awaitBooking(caseId, "AWAITING_HOSPITAL_CONFIRMATION");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> holdRequests(caseId) == 1);
        assertThat(http(TestTokens.hospital(LYON), "GET", "/api/hospital/appointments?hospitalId=" + LYON, null).body().valueStream()
                .filter(a -> a.get("caseId").asString().equals(caseId)).count()).isEqualTo(1);
    }

    @Test
    void releasesTheHoldAndCancelsTheBookingOnUrgentReferral() {
        String caseId = newCaseId();
        stubHold(caseId, "lyon-1", LYON, TODAY.plusDays(40));
        sendRecommendation(caseId, UUID.randomUUID().toString());
        awaitBooking(caseId, "AWAITING_HOSPITAL_CONFIRMATION");

        sendUrgentReferral(caseId);

        JsonNode booking = awaitBooking(caseId, "CANCELLED");
        assertThat(booking.get("hold").isNull()).isTrue();
        await().atMost(PATIENCE).untilAsserted(() ->
                gateway.verify(exactly(1), deleteRequestedFor(urlEqualTo("/api/holds/" + holdId(caseId, "lyon-1")))));
        assertThat(travelEvents(caseId)).isEmpty();
    }

    @Test
    void ignoresAnUrgentReferralForACaseWithoutBooking() {
        String caseId = newCaseId();
        double before = consumed(EventCatalog.URGENT_REFERRAL_REQUIRED.name(), "no_aggregate");

        sendUrgentReferral(caseId);

        await().atMost(PATIENCE).until(() -> consumed(EventCatalog.URGENT_REFERRAL_REQUIRED.name(), "no_aggregate") > before);
        assertThat(http(TestTokens.coordinator(), "GET", "/api/bookings/" + caseId, null).status()).isEqualTo(404);
    }

    // ---- facility-gateway stubs --------------------------------------------------------------------------------

    private static String holdId(String caseId, String slotId) {
        return "h-" + slotId + "-" + caseId.substring(caseId.length() - 12);
    }

    private static void stubHold(String caseId, String slotId, String facilityId, LocalDate date) {
        gateway.stubFor(post(urlEqualTo("/api/holds"))
                .withRequestBody(matchingJsonPath("$.reference", equalTo(caseId)))
                .withRequestBody(matchingJsonPath("$.slotId", equalTo(slotId)))
                .willReturn(holdAnswer(holdId(caseId, slotId), slotId, facilityId, date, caseId)));
    }

    private static ResponseDefinitionBuilder holdAnswer(String holdId, String slotId,
            String facilityId, LocalDate date, String reference) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                {"holdId":"%s","slotId":"%s","facilityId":"%s","date":"%s","status":"HELD","reference":"%s","expiresAt":"%s"}"""
                .formatted(holdId, slotId, facilityId, date, reference, Instant.now().plus(Duration.ofDays(2))));
    }

    private static void stubConfirmation(String holdId, String slotId, String facilityId, LocalDate date) {
        gateway.stubFor(post(urlEqualTo("/api/holds/" + holdId + "/confirmation")).willReturn(okJson("""
                {"holdId":"%s","slotId":"%s","facilityId":"%s","date":"%s","status":"CONFIRMED","reference":"x","expiresAt":null}"""
                .formatted(holdId, slotId, facilityId, date))));
    }

    /** Every request the gateway stub received carried a SERVICE token of this service from the issuer's token endpoint. */
    private static void assertEveryGatewayRequestCarriedThisServicesToken() {
        List<LoggedRequest> requests = gateway.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).isNotEmpty().allSatisfy(request -> {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            assertThat(authorization).as("%s %s", request.getMethod(), request.getUrl()).startsWith("Bearer ");
            String[] parts = authorization.substring("Bearer ".length()).split("\\.");
            assertThat(parts).hasSize(3);
            JsonNode claims = EventCodec.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
            assertThat(claims.get("iss").asString()).isEqualTo(TestIssuer.get().issuer());
            assertThat(claims.get("sub").asString()).isEqualTo("travel-coordination-service");
            assertThat(claims.get("roles").valueStream().map(JsonNode::asString)).containsExactly("SERVICE");
        });
    }

    private static int holdRequests(String caseId) {
        return gateway.findAll(postRequestedFor(urlEqualTo("/api/holds")).withRequestBody(matchingJsonPath("$.reference", equalTo(caseId))))
                .size();
    }

    // ---- events ------------------------------------------------------------------------------------------------

    private void sendRecommendation(String caseId, String eventId) {
        EventEnvelope golden = GoldenSamples.envelope(EventCatalog.SURGERY_RECOMMENDED);
        SurgeryRecommended sample = GoldenSamples.payload(EventCatalog.SURGERY_RECOMMENDED);
        SurgeryRecommended recommended = new SurgeryRecommended(caseId, sample.category(), sample.probableCauses(), sample.rationale(),
                sample.recommendedAt());
        TopicProbe.send(kafka, Topics.ASSESSMENT, caseId,
                EventCodec.write(EventCodec.envelope(eventId, golden.source(), golden.time(), golden.sequence(), recommended)));
    }

    private void sendUrgentReferral(String caseId) {
        EventEnvelope golden = GoldenSamples.envelope(EventCatalog.URGENT_REFERRAL_REQUIRED);
        UrgentReferralRequired sample = GoldenSamples.payload(EventCatalog.URGENT_REFERRAL_REQUIRED);
        UrgentReferralRequired referral = new UrgentReferralRequired(caseId, sample.redFlags(), Instant.now());
        TopicProbe.send(kafka, Topics.ASSESSMENT, caseId,
                EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(), golden.source(), Instant.now(), 3, referral)));
    }

    private List<ConsumerRecord<String, byte[]>> travelEvents(String caseId) {
        return TopicProbe.readAll(kafka, Topics.TRAVEL, record -> caseId.equals(record.key()));
    }

    private double consumed(String type, String outcome) {
        return meters.find("passerelle.events.consumed").tag("type", type).tag("outcome", outcome).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    // ---- HTTP --------------------------------------------------------------------------------------------------

    record Answer(int status, String contentType, JsonNode body) {
    }

    private Answer http(String token, String method, String path, String json) {
        RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + port).method(HttpMethod.valueOf(method)).uri(path)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.exchange((req, response) -> {
            byte[] body = response.getBody().readAllBytes();
            return new Answer(response.getStatusCode().value(), String.valueOf(response.getHeaders().getContentType()),
                    body.length == 0 ? null : EventCodec.mapper().readTree(body));
        });
    }

    private String status(String caseId) {
        Answer answer = http(TestTokens.coordinator(), "GET", "/api/bookings/" + caseId, null);
        return answer.status() == 200 ? answer.body().get("status").asString() : "HTTP " + answer.status();
    }

    private JsonNode awaitBooking(String caseId, String status) {
        await().atMost(PATIENCE).until(() -> status.equals(status(caseId)));
        return http(TestTokens.coordinator(), "GET", "/api/bookings/" + caseId, null).body();
    }

    private static String newCaseId() {
        return "c-" + UUID.randomUUID();
    }
}
