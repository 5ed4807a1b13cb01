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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Identifier;

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
import ca.passerelle.events.intake.CaseClosed;
import ca.passerelle.events.intake.ClosureReason;
import ca.passerelle.events.intake.ConsentChanged;
import ca.passerelle.events.intake.ConsentGrants;
import ca.passerelle.events.intake.ConsentPurpose;
import ca.passerelle.events.travel.CancellationReason;
import ca.passerelle.events.travel.Initiator;
import ca.passerelle.events.travel.SurgeryCancelled;
import ca.passerelle.events.travel.SurgeryCompleted;
import ca.passerelle.events.travel.SurgeryOptionsOffered;
import ca.passerelle.events.travel.SurgeryRescheduled;
import ca.passerelle.events.travel.SurgerySlotHeld;
import ca.passerelle.events.travel.TravelPlanUpdated;
import ca.passerelle.platform.audit.AuditEntry;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.events.travel.SurgeryScheduled;
import ca.passerelle.testinfra.MutableClock;
import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestIssuer;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The saga end to end: recommendations arrive on the real broker, bookings live in the real database, WireMock plays
 * facility-gateway, partner hospitals answer over HTTP, events leave through the outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.travel.hospital-answer-timeout=2h",
        "passerelle.travel.scheduling.tick=100ms",
        "passerelle.travel.scheduling.retry-initial=100ms",
        "passerelle.travel.scheduling.retry-max=400ms",
        "passerelle.messaging.relay-interval=200ms"})
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class SurgeryBookingIT {

    private static final WireMockServer gateway = new WireMockServer(options().dynamicPort());
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    /** Hospital ids of this class only: their feed topics are not shared with another test's context. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String LYON = "fr-lyon-chu-" + RUN;
    private static final String PARIS = "fr-paris-clinic-" + RUN;
    private static final MutableClock CLOCK = new MutableClock();
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

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    /** The service's clock, moved by the tests that need time to pass. */
    @TestConfiguration(proxyBeanMethods = false)
    static class MovableTime {

        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @Autowired
    AuditTrail audit;
    @Autowired
    MeterRegistry meters;
    @Autowired
    FhirContext fhir;
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

        await().atMost(PATIENCE).until(() -> travelEvents(caseId).size() == 4);
        assertThat(eventTypes(caseId)).containsExactly(EventCatalog.SURGERY_OPTIONS_OFFERED.name(), EventCatalog.SURGERY_SLOT_HELD.name(),
                EventCatalog.SURGERY_SCHEDULED.name(), EventCatalog.TRAVEL_PLAN_UPDATED.name());
        SurgeryOptionsOffered offered = EventCodec.payload(EventCodec.read(travelEvents(caseId).get(0).value()), EventCatalog.SURGERY_OPTIONS_OFFERED);
        assertThat(offered.options()).extracting(SurgeryOptionsOffered.Option::hospitalId).containsExactly(LYON, PARIS);
        SurgerySlotHeld held = EventCodec.payload(EventCodec.read(travelEvents(caseId).get(1).value()), EventCatalog.SURGERY_SLOT_HELD);
        assertThat(held.appointmentId()).isEqualTo(appointmentId);
        assertThat(Duration.between(held.heldAt(), held.confirmBy())).isEqualTo(Duration.ofHours(2));
        ConsumerRecord<String, byte[]> scheduledRecord = travelEvents(caseId).get(2);
        EventEnvelope scheduledEnvelope = EventCodec.read(scheduledRecord.value());
        assertThat(scheduledRecord.key()).isEqualTo(caseId);
        assertThat(scheduledEnvelope.source()).isEqualTo("/passerelle/travel-coordination-service");
        SurgeryScheduled scheduled = EventCodec.payload(scheduledEnvelope, EventCatalog.SURGERY_SCHEDULED);
        assertThat(scheduled.appointmentId()).isEqualTo(appointmentId);
        assertThat(scheduled.hospitalId()).isEqualTo(LYON);
        assertThat(scheduled.surgeryOn()).isEqualTo(TODAY.plusDays(40));
        assertThat(scheduled.preOpConsultationOn()).isEqualTo(TODAY.plusDays(38));
        assertThat(scheduled.fitToFlyOn()).isEqualTo(TODAY.plusDays(50));

        String completionBody = """
                {"performedOn":"%s","dischargedOn":"%s","outcome":"COMPLETED_AS_PLANNED"}""".formatted(TODAY.plusDays(40), TODAY.plusDays(43));
        Answer beforeTheDay = http(TestTokens.hospital(LYON), "POST", "/api/hospital/appointments/" + appointmentId + "/completion",
                completionBody);
        assertThat(beforeTheDay.status()).isEqualTo(422);
        assertThat(beforeTheDay.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(beforeTheDay.body().get("rule").asString()).isEqualTo("performed-in-the-future");
        assertThat(status(caseId)).isEqualTo("SCHEDULED");

        CLOCK.advance(Duration.ofDays(41));
        Answer completion = http(TestTokens.hospital(LYON), "POST", "/api/hospital/appointments/" + appointmentId + "/completion",
                completionBody);
        assertThat(completion.status()).isEqualTo(200);
        assertThat(completion.body().get("status").asString()).isEqualTo("COMPLETED");

        await().atMost(PATIENCE).until(() -> travelEvents(caseId).size() == 5);
        List<EventEnvelope> events = travelEvents(caseId).stream().map(record -> EventCodec.read(record.value())).toList();
        assertThat(events).extracting(EventEnvelope::type).endsWith(EventCatalog.SURGERY_SCHEDULED.name(),
                EventCatalog.TRAVEL_PLAN_UPDATED.name(), EventCatalog.SURGERY_COMPLETED.name());
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        SurgeryCompleted completed = EventCodec.payload(events.get(4), EventCatalog.SURGERY_COMPLETED);
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
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> !eventTypes(caseId).contains(EventCatalog.SURGERY_SCHEDULED.name()));
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

        stubConfirmation(holdId(caseId, "paris-1"), "paris-1", PARIS, TODAY.plusDays(45));
        String atParis = booking.get("appointment").get("appointmentId").asString();
        assertThat(http(TestTokens.hospital(PARIS), "POST", "/api/hospital/appointments/" + atParis + "/confirmation", null).status())
                .isEqualTo(200);
        awaitBooking(caseId, "SCHEDULED");
        await().atMost(PATIENCE).until(() -> eventTypes(caseId).contains(EventCatalog.SURGERY_SCHEDULED.name()));
        assertThat(lastEvent(caseId, EventCatalog.SURGERY_SCHEDULED).hospitalId()).isEqualTo(PARIS);
        gateway.verify(exactly(0), deleteRequestedFor(urlEqualTo("/api/holds/" + holdId(caseId, "paris-1"))));
    }

    /**
     * The coordinator learns the patient cannot be in France before a date: the unanswered appointment at Lyon is
     * withdrawn (hold released, Lyon told), and the new search offers only the slots whose pre-op consultation falls
     * after that date. Once the surgery is booked, constraints are refused.
     */
    @Test
    void searchesAgainWithThePatientsConstraintsAndOffersOnlyTheSlotsThatFitThem() {
        String caseId = newCaseId();
        stubHold(caseId, "lyon-1", LYON, TODAY.plusDays(40));
        stubHold(caseId, "paris-1", PARIS, TODAY.plusDays(45));
        stubConfirmation(holdId(caseId, "paris-1"), "paris-1", PARIS, TODAY.plusDays(45));
        sendRecommendation(caseId, UUID.randomUUID().toString());
        String atLyon = awaitBooking(caseId, "AWAITING_HOSPITAL_CONFIRMATION").get("appointment").get("appointmentId").asString();

        Answer inverted = http(TestTokens.coordinator(), "PUT", "/api/bookings/" + caseId + "/patient-constraints",
                "{\"availableFrom\":\"%s\",\"availableUntil\":\"%s\"}".formatted(TODAY.plusDays(50), TODAY.plusDays(49)));
        assertThat(inverted.status()).isEqualTo(422);
        assertThat(inverted.body().get("rule").asString()).isEqualTo("availability-ends-before-it-starts");
        assertThat(status(caseId)).isEqualTo("AWAITING_HOSPITAL_CONFIRMATION");

        Answer constrained = http(TestTokens.coordinator(), "PUT", "/api/bookings/" + caseId + "/patient-constraints",
                "{\"availableFrom\":\"%s\",\"frenchSpeakingOnly\":true}".formatted(TODAY.plusDays(41)));

        assertThat(constrained.status()).isEqualTo(200);
        assertThat(constrained.body().get("patientConstraints").get("availableFrom").asString()).isEqualTo(TODAY.plusDays(41).toString());
        await().atMost(PATIENCE).until(() -> {
            JsonNode booking = http(TestTokens.coordinator(), "GET", "/api/bookings/" + caseId, null).body();
            return "AWAITING_HOSPITAL_CONFIRMATION".equals(booking.get("status").asString())
                    && PARIS.equals(booking.path("appointment").path("hospitalId").asString(null));
        });
        await().atMost(PATIENCE).untilAsserted(() ->
                gateway.verify(exactly(1), deleteRequestedFor(urlEqualTo("/api/holds/" + holdId(caseId, "lyon-1")))));
        await().atMost(PATIENCE).until(() -> eventTypes(caseId).stream().filter(EventCatalog.SURGERY_OPTIONS_OFFERED.name()::equals).count() == 2);
        assertThat(lastEvent(caseId, EventCatalog.SURGERY_OPTIONS_OFFERED).options())
                .as("Lyon's slot would put the pre-op consultation before the patient is there")
                .extracting(SurgeryOptionsOffered.Option::hospitalId, SurgeryOptionsOffered.Option::earliestSurgeryOn)
                .containsExactly(tuple(PARIS, TODAY.plusDays(45)));
        await().atMost(PATIENCE).until(() -> feedStatuses(LYON, atLyon).equals(List.of("proposed", "cancelled")));
        assertThat(http(TestTokens.hospital(LYON), "POST", "/api/hospital/appointments/" + atLyon + "/confirmation", null).status())
                .isEqualTo(404);

        String atParis = http(TestTokens.coordinator(), "GET", "/api/bookings/" + caseId, null).body().get("appointment").get("appointmentId")
                .asString();
        assertThat(http(TestTokens.hospital(PARIS), "POST", "/api/hospital/appointments/" + atParis + "/confirmation", null).status())
                .isEqualTo(200);
        awaitBooking(caseId, "SCHEDULED");
        Answer tooLate = http(TestTokens.coordinator(), "PUT", "/api/bookings/" + caseId + "/patient-constraints", "{\"frenchSpeakingOnly\":false}");
        assertThat(tooLate.status()).isEqualTo(422);
        assertThat(tooLate.body().get("rule").asString()).isEqualTo("booking-already-scheduled");
        assertThat(audit.entriesAbout("case", caseId)).extracting(AuditEntry::action).contains("booking.constraints-set");
        assertThat(travelEvents(caseId)).allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .doesNotContain("frenchSpeakingOnly", "availableFrom"));
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
        JsonNode booking = awaitBooking(caseId, "AWAITING_HOSPITAL_CONFIRMATION");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> holdRequests(caseId) == 1);
        String appointmentId = booking.get("appointment").get("appointmentId").asString();
        List<JsonNode> seenByLyon = http(TestTokens.hospital(LYON), "GET", "/api/hospital/appointments?hospitalId=" + LYON, null).body()
                .valueStream().filter(a -> a.get("appointmentId").asString().equals(appointmentId)).toList();
        assertThat(seenByLyon).hasSize(1);
        assertThat(seenByLyon.get(0).has("caseId")).as("a hospital never gets the case id").isFalse();
        await().atMost(PATIENCE).until(() -> feedEvents(LYON).stream().anyMatch(e -> appointmentId.equals(e.data().get("id").asString())));
        assertThat(seenByLyon.get(0).get("patientPseudonym").asString()).as("the same identifier as in its FHIR feed")
                .isEqualTo(pseudonym(LYON, appointmentId));
        JsonNode seenByCoordinator = http(TestTokens.coordinator(), "GET", "/api/hospital/appointments?hospitalId=" + LYON, null).body()
                .valueStream().filter(a -> a.get("appointmentId").asString().equals(appointmentId)).findFirst().orElseThrow();
        assertThat(seenByCoordinator.get("caseId").asString()).isEqualTo(caseId);
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
        await().atMost(PATIENCE).until(() -> eventTypes(caseId).contains(EventCatalog.SURGERY_CANCELLED.name()));
        SurgeryCancelled cancelled = lastEvent(caseId, EventCatalog.SURGERY_CANCELLED);
        assertThat(cancelled.reason()).isEqualTo(CancellationReason.URGENT_REFERRAL);
        assertThat(cancelled.initiatedBy()).isEqualTo(Initiator.PATHWAY);
        assertThat(cancelled.hospitalId()).isEqualTo(LYON);
        assertThat(eventTypes(caseId)).doesNotContain(EventCatalog.SURGERY_SCHEDULED.name());
    }

    @Test
    void ignoresAnUrgentReferralForACaseWithoutBooking() {
        String caseId = newCaseId();
        double before = consumed(EventCatalog.URGENT_REFERRAL_REQUIRED.name(), "no_aggregate");

        sendUrgentReferral(caseId);

        await().atMost(PATIENCE).until(() -> consumed(EventCatalog.URGENT_REFERRAL_REQUIRED.name(), "no_aggregate") > before);
        assertThat(http(TestTokens.coordinator(), "GET", "/api/bookings/" + caseId, null).status()).isEqualTo(404);
    }

    @Test
    void releasesTheHoldAndHoldsTheNextOptionWhenTheHospitalDoesNotAnswerInTime() {
        String caseId = newCaseId();
        stubHold(caseId, "lyon-1", LYON, TODAY.plusDays(40));
        stubHold(caseId, "paris-1", PARIS, TODAY.plusDays(45));
        sendRecommendation(caseId, UUID.randomUUID().toString());
        String silent = awaitBooking(caseId, "AWAITING_HOSPITAL_CONFIRMATION").get("appointment").get("appointmentId").asString();
        await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> "AWAITING_HOSPITAL_CONFIRMATION".equals(status(caseId)));
        gateway.verify(exactly(0), deleteRequestedFor(urlEqualTo("/api/holds/" + holdId(caseId, "lyon-1"))));

        CLOCK.advance(Duration.ofHours(2).plusMinutes(1));

        await().atMost(PATIENCE).until(() -> {
            JsonNode booking = http(TestTokens.coordinator(), "GET", "/api/bookings/" + caseId, null).body();
            return "AWAITING_HOSPITAL_CONFIRMATION".equals(booking.get("status").asString())
                    && booking.get("hold").get("holdId").asString().equals(holdId(caseId, "paris-1"));
        });
        await().atMost(PATIENCE).untilAsserted(() ->
                gateway.verify(exactly(1), deleteRequestedFor(urlEqualTo("/api/holds/" + holdId(caseId, "lyon-1")))));
        JsonNode booking = http(TestTokens.coordinator(), "GET", "/api/bookings/" + caseId, null).body();
        assertThat(booking.get("hospitalDecisions").valueStream().map(d -> d.get("decision").asString() + " " + d.get("appointmentId").asString()))
                .containsExactly("TIMED_OUT " + silent);
        assertThat(http(TestTokens.hospital(LYON), "POST", "/api/hospital/appointments/" + silent + "/confirmation", null).status())
                .isEqualTo(404);
        await().atMost(PATIENCE).until(() -> eventTypes(caseId).size() == 4);
        assertThat(eventTypes(caseId)).containsExactly(EventCatalog.SURGERY_OPTIONS_OFFERED.name(), EventCatalog.SURGERY_SLOT_HELD.name(),
                EventCatalog.SURGERY_OPTIONS_OFFERED.name(), EventCatalog.SURGERY_SLOT_HELD.name());
        assertThat(lastEvent(caseId, EventCatalog.SURGERY_OPTIONS_OFFERED).options())
                .extracting(SurgeryOptionsOffered.Option::hospitalId).containsExactly(PARIS);
        await().atMost(PATIENCE).until(() -> feedStatuses(LYON, silent).equals(List.of("proposed", "cancelled")));
    }

    @Test
    void cancelsABookedSurgeryForTheCoordinatorReleasingTheSlotCancellingTravelAndTellingTheHospital() {
        String caseId = newCaseId();
        String appointmentId = scheduledAtLyon(caseId);

        Answer cancel = http(TestTokens.coordinator(), "POST", "/api/bookings/" + caseId + "/cancel", null);

        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.body().get("status").asString()).isEqualTo("CANCELLED");
        await().atMost(PATIENCE).untilAsserted(() ->
                gateway.verify(exactly(1), deleteRequestedFor(urlEqualTo("/api/holds/" + holdId(caseId, "lyon-1")))));
        await().atMost(PATIENCE).until(() -> eventTypes(caseId).contains(EventCatalog.SURGERY_CANCELLED.name()));
        SurgeryCancelled cancelled = lastEvent(caseId, EventCatalog.SURGERY_CANCELLED);
        assertThat(cancelled.reason()).isEqualTo(CancellationReason.COORDINATOR_DECISION);
        assertThat(cancelled.initiatedBy()).isEqualTo(Initiator.COORDINATOR);
        assertThat(cancelled.appointmentId()).isEqualTo(appointmentId);
        await().atMost(PATIENCE).until(() -> "CANCELLED".equals(lastEvent(caseId, EventCatalog.TRAVEL_PLAN_UPDATED).status()));
        assertThat(http(TestTokens.coordinator(), "GET", "/api/bookings/" + caseId + "/travel-plan", null).body().get("status").asString())
                .isEqualTo("CANCELLED");
        await().atMost(PATIENCE).until(() -> feedStatuses(LYON, appointmentId).equals(List.of("proposed", "booked", "cancelled")));
        assertThat(http(TestTokens.coordinator(), "POST", "/api/bookings/" + caseId + "/cancel", null).status()).isEqualTo(200);
        await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() ->
                eventTypes(caseId).stream().filter(EventCatalog.SURGERY_CANCELLED.name()::equals).count() == 1);
    }

    @Test
    void cancelsForTheHospitalAndWhenConsentOrTheCaseStopsTheJourney() {
        String byHospital = newCaseId();
        String hospitalsAppointment = scheduledAtLyon(byHospital);
        String byConsent = newCaseId();
        scheduledAtLyon(byConsent);
        String byClosure = newCaseId();
        stubHold(byClosure, "lyon-1", LYON, TODAY.plusDays(40));
        sendRecommendation(byClosure, UUID.randomUUID().toString());
        awaitBooking(byClosure, "AWAITING_HOSPITAL_CONFIRMATION");

        assertThat(http(TestTokens.hospital(PARIS), "POST", "/api/hospital/appointments/" + hospitalsAppointment + "/cancel", null).status())
                .isEqualTo(404);
        Answer hospitalCancel = http(TestTokens.hospital(LYON), "POST", "/api/hospital/appointments/" + hospitalsAppointment + "/cancel", null);
        sendConsentWithdrawal(byConsent);
        sendCaseClosed(byClosure);

        assertThat(hospitalCancel.status()).isEqualTo(200);
        assertThat(hospitalCancel.body().get("status").asString()).isEqualTo("CANCELLED");
        for (String caseId : List.of(byHospital, byConsent, byClosure)) {
            awaitBooking(caseId, "CANCELLED");
            await().atMost(PATIENCE).untilAsserted(() ->
                    gateway.verify(exactly(1), deleteRequestedFor(urlEqualTo("/api/holds/" + holdId(caseId, "lyon-1")))));
            await().atMost(PATIENCE).until(() -> eventTypes(caseId).contains(EventCatalog.SURGERY_CANCELLED.name()));
        }
        assertThat(lastEvent(byHospital, EventCatalog.SURGERY_CANCELLED))
                .extracting(SurgeryCancelled::reason, SurgeryCancelled::initiatedBy)
                .containsExactly(CancellationReason.HOSPITAL_UNAVAILABLE, Initiator.HOSPITAL);
        assertThat(lastEvent(byConsent, EventCatalog.SURGERY_CANCELLED))
                .extracting(SurgeryCancelled::reason, SurgeryCancelled::initiatedBy)
                .containsExactly(CancellationReason.CONSENT_WITHDRAWN, Initiator.PATHWAY);
        assertThat(lastEvent(byClosure, EventCatalog.SURGERY_CANCELLED))
                .extracting(SurgeryCancelled::reason, SurgeryCancelled::initiatedBy)
                .containsExactly(CancellationReason.CASE_CLOSED, Initiator.PATHWAY);
        await().atMost(PATIENCE).until(() -> "CANCELLED".equals(lastEvent(byConsent, EventCatalog.TRAVEL_PLAN_UPDATED).status()));
        await().atMost(PATIENCE).until(() -> feedStatuses(LYON, hospitalsAppointment).equals(List.of("proposed", "booked", "cancelled")));
    }

    @Test
    void reschedulesForTheHospitalAndRecomputesTheTravelPlanWithTheNewFitToFlyDate(CapturedOutput logs) {
        String caseId = newCaseId();
        String appointmentId = scheduledAtLyon(caseId);
        String plan = """
                {"outboundFlight":{"bookingReference":"AC870-QX7F","departureOn":"%s"},
                 "returnFlight":{"bookingReference":"AC871-QX7F","departureOn":"%s"},
                 "lodging":{"bookingReference":"HTL-48213","checkInOn":"%s","checkOutOn":"%s"},
                 "accompanyingPerson":{"name":"Jean Tremblay","relationship":"conjoint"},
                 "documentsReady":["PASSPORT","IMAGING_ON_DISC"]}""";

        Answer returnTooEarly = http(TestTokens.coordinator(), "PUT", "/api/bookings/" + caseId + "/travel-plan",
                plan.formatted(TODAY.plusDays(35), TODAY.plusDays(49), TODAY.plusDays(35), TODAY.plusDays(49)));
        assertThat(returnTooEarly.status()).isEqualTo(422);
        assertThat(returnTooEarly.body().get("rule").asString()).isEqualTo("return-before-fit-to-fly");
        assertThat(returnTooEarly.body().toString()).doesNotContain("AC871").doesNotContain("Tremblay");
        Answer planned = http(TestTokens.coordinator(), "PUT", "/api/bookings/" + caseId + "/travel-plan",
                plan.formatted(TODAY.plusDays(35), TODAY.plusDays(51), TODAY.plusDays(35), TODAY.plusDays(51)));
        assertThat(planned.status()).isEqualTo(200);
        assertThat(planned.body().get("status").asString()).isEqualTo("IN_PREPARATION");
        assertThat(planned.body().get("outboundFlight").get("to").asString()).isEqualTo("Lyon");
        assertThat(planned.body().get("documentsMissing")).hasSize(4);
        assertThat(http(TestTokens.specialist(), "GET", "/api/bookings/" + caseId + "/travel-plan", null).status()).isEqualTo(403);

        Answer moved = http(TestTokens.hospital(LYON), "POST", "/api/hospital/appointments/" + appointmentId + "/reschedule",
                "{\"surgeryOn\":\"%s\"}".formatted(TODAY.plusDays(47)));

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().get("surgeryOn").asString()).isEqualTo(TODAY.plusDays(47).toString());
        assertThat(moved.body().get("fitToFlyOn").asString()).isEqualTo(TODAY.plusDays(57).toString());
        await().atMost(PATIENCE).until(() -> eventTypes(caseId).contains(EventCatalog.SURGERY_RESCHEDULED.name()));
        SurgeryRescheduled rescheduled = lastEvent(caseId, EventCatalog.SURGERY_RESCHEDULED);
        assertThat(rescheduled.previousSurgeryOn()).isEqualTo(TODAY.plusDays(40));
        assertThat(rescheduled.surgeryOn()).isEqualTo(TODAY.plusDays(47));
        assertThat(rescheduled.fitToFlyOn()).isEqualTo(TODAY.plusDays(57));
        assertThat(rescheduled.initiatedBy()).isEqualTo(Initiator.HOSPITAL);
        await().atMost(PATIENCE).until(() -> TODAY.plusDays(57).equals(lastEvent(caseId, EventCatalog.TRAVEL_PLAN_UPDATED).fitToFlyOn()));
        TravelPlanUpdated replanned = lastEvent(caseId, EventCatalog.TRAVEL_PLAN_UPDATED);
        assertThat(replanned.surgeryOn()).isEqualTo(TODAY.plusDays(47));
        assertThat(replanned.preOpConsultationOn()).isEqualTo(TODAY.plusDays(45));
        assertThat(replanned.outboundOn()).isEqualTo(TODAY.plusDays(35));
        assertThat(replanned.returnOn()).as("the return flight left before the new fit-to-fly date").isNull();
        assertThat(replanned.accompanied()).isTrue();
        assertThat(replanned.missingDocuments()).isEqualTo(4);
        JsonNode travelPlan = http(TestTokens.coordinator(), "GET", "/api/bookings/" + caseId + "/travel-plan", null).body();
        assertThat(travelPlan.get("fitToFlyOn").asString()).isEqualTo(TODAY.plusDays(57).toString());
        assertThat(travelPlan.get("returnFlight").isNull()).isTrue();
        assertThat(travelPlan.get("returnToRebook").asBoolean()).isTrue();
        assertThat(travelEvents(caseId)).allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .doesNotContain("Tremblay", "AC870", "AC871", "HTL-48213", "conjoint"));
        await().atMost(PATIENCE).until(() -> feedStatuses(LYON, appointmentId).equals(List.of("proposed", "booked", "booked")));
        JsonNode lastFeed = feedEvents(LYON).stream().filter(e -> appointmentId.equals(e.data().get("id").asString()))
                .reduce((first, second) -> second).orElseThrow().data();
        assertThat(lastFeed.get("start").asString()).startsWith(TODAY.plusDays(47).toString());

        Answer coordinatorMove = http(TestTokens.coordinator(), "POST", "/api/bookings/" + caseId + "/reschedule",
                "{\"surgeryOn\":\"%s\"}".formatted(TODAY.minusDays(2)));
        assertThat(coordinatorMove.status()).isEqualTo(422);
        assertThat(coordinatorMove.body().get("rule").asString()).isEqualTo("surgery-date-in-the-past");
        Answer coordinatorBack = http(TestTokens.coordinator(), "POST", "/api/bookings/" + caseId + "/reschedule",
                "{\"surgeryOn\":\"%s\"}".formatted(TODAY.plusDays(44)));
        assertThat(coordinatorBack.status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> Initiator.COORDINATOR == lastEvent(caseId, EventCatalog.SURGERY_RESCHEDULED).initiatedBy());
        assertThat(lastEvent(caseId, EventCatalog.SURGERY_RESCHEDULED).previousSurgeryOn()).isEqualTo(TODAY.plusDays(47));
        await().atMost(PATIENCE).until(() -> TODAY.plusDays(54).equals(lastEvent(caseId, EventCatalog.TRAVEL_PLAN_UPDATED).fitToFlyOn()));
        assertThat(logs.getAll()).as("booking references and the companion stay out of the logs")
                .doesNotContain("Tremblay", "AC870-QX7F", "AC871-QX7F", "HTL-48213");
    }

    /**
     * The partner-hospital feed over the whole class: each hospital's topic carries only its appointments, as FHIR R4
     * Appointments HAPI parses strictly, with a per-hospital pseudonym and gap-free sequence numbers; the catch-up
     * endpoint answers exactly the events after N; another hospital's feed is 404; no patient identity anywhere.
     */
    @Test
    void feedsEachHospitalOnlyItsOwnPseudonymousFhirAppointmentsInGapFreeOrder() {
        String confirmedCase = newCaseId();
        String confirmed = scheduledAtLyon(confirmedCase);
        String movedCase = newCaseId();
        stubHold(movedCase, "lyon-1", LYON, TODAY.plusDays(40));
        stubHold(movedCase, "paris-1", PARIS, TODAY.plusDays(45));
        sendRecommendation(movedCase, UUID.randomUUID().toString());
        String declined = awaitBooking(movedCase, "AWAITING_HOSPITAL_CONFIRMATION").get("appointment").get("appointmentId").asString();
        http(TestTokens.hospital(LYON), "POST", "/api/hospital/appointments/" + declined + "/decline", "{\"reason\":\"Bloc fermé\"}");
        await().atMost(PATIENCE).until(() -> PARIS.equals(http(TestTokens.coordinator(), "GET", "/api/bookings/" + movedCase, null).body()
                .path("appointment").path("hospitalId").asString(null)));
        String atParis = http(TestTokens.coordinator(), "GET", "/api/bookings/" + movedCase, null).body().get("appointment").get("appointmentId")
                .asString();
        await().atMost(PATIENCE).until(() -> feedStatuses(LYON, confirmed).equals(List.of("proposed", "booked"))
                && feedStatuses(LYON, declined).equals(List.of("proposed", "cancelled")) && feedStatuses(PARIS, atParis).equals(List.of("proposed")));

        IParser strict = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        for (String hospital : List.of(LYON, PARIS)) {
            await().atMost(PATIENCE).until(() -> feedEvents(hospital).size() == catchUp(hospital, 0).get("events").size());
            List<EventEnvelope> published = feedEvents(hospital);
            assertThat(published).extracting(EventEnvelope::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, published.size()).boxed().toList());
            assertThat(published).allSatisfy(event -> {
                assertThat(event.type()).isEqualTo("ca.passerelle.travel.hospital-appointment.v1");
                assertThat(event.subject()).isEqualTo(hospital);
                Appointment appointment = strict.parseResource(Appointment.class, EventCodec.mapper().writeValueAsString(event.data()));
                assertThat(appointment.getStatus().toCode()).isIn("proposed", "booked", "cancelled");
                assertThat(appointment.getStart()).isNotNull();
                assertThat(appointment.getEnd()).isAfter(appointment.getStart());
                assertThat(appointment.getServiceTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("SIMPLE_DECOMPRESSION");
                Identifier patient = appointment.getParticipant().stream().filter(p -> "Patient".equals(p.getActor().getType()))
                        .findFirst().orElseThrow().getActor().getIdentifier();
                assertThat(patient.getSystem()).endsWith("/patient-pseudonym/" + hospital);
                assertThat(patient.getValue()).matches("[0-9a-f]{64}");
            });
            long half = published.size() / 2;
            JsonNode after = catchUp(hospital, half);
            assertThat(after.get("events").valueStream().toList()).containsExactlyElementsOf(published.stream().skip(half)
                    .map(event -> EventCodec.mapper().readTree(EventCodec.write(event))).toList());
            assertThat(catchUp(hospital, published.size()).get("events")).isEmpty();
        }
        assertThat(feedEvents(PARIS)).noneMatch(event -> List.of(confirmed, declined).contains(event.data().get("id").asString()));
        assertThat(pseudonym(LYON, declined)).isNotEqualTo(pseudonym(PARIS, atParis));
        assertThat(pseudonym(LYON, declined)).isNotEqualTo(pseudonym(LYON, confirmed));

        Answer othersFeed = http(TestTokens.hospital(LYON), "GET", "/api/hospital/feed?after=0&hospitalId=" + PARIS, null);
        assertThat(othersFeed.status()).isEqualTo(404);
        assertThat(othersFeed.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(othersFeed.body().toString()).doesNotContain(atParis);
        assertThat(http(TestTokens.coordinator(), "GET", "/api/hospital/feed?after=0", null).status()).isEqualTo(403);

        List<String> feeds = new ArrayList<>();
        List<String> hospitalFacing = new ArrayList<>();
        for (String hospital : List.of(LYON, PARIS)) {
            TopicProbe.readAll(kafka, Topics.hospitalFeed(hospital)).forEach(r -> feeds.add(new String(r.value(), StandardCharsets.UTF_8)));
            feeds.add(catchUp(hospital, 0).toString());
            hospitalFacing.add(http(TestTokens.hospital(hospital), "GET", "/api/hospital/appointments", null).body().toString());
        }
        hospitalFacing.addAll(feeds);
        assertThat(feeds).as("the feed knows the patient only by pseudonym").allSatisfy(payload -> assertThat(payload)
                .doesNotContain(confirmedCase, movedCase));
        assertThat(hospitalFacing).allSatisfy(payload -> assertThat(payload)
                .doesNotContain("Tremblay", "Marie", "birthDate", "dateOfBirth", "ramq", "RAMQ", "Bloc fermé")
                .doesNotContainPattern("[A-Z]{4} ?\\d{4} ?\\d{4}"));
    }

    // ---- facility-gateway stubs --------------------------------------------------------------------------------

    /** A case booked at Lyon (held, then confirmed by the hospital); its appointment id. */
    private String scheduledAtLyon(String caseId) {
        stubHold(caseId, "lyon-1", LYON, TODAY.plusDays(40));
        stubConfirmation(holdId(caseId, "lyon-1"), "lyon-1", LYON, TODAY.plusDays(40));
        sendRecommendation(caseId, UUID.randomUUID().toString());
        String appointmentId = awaitBooking(caseId, "AWAITING_HOSPITAL_CONFIRMATION").get("appointment").get("appointmentId").asString();
        assertThat(http(TestTokens.hospital(LYON), "POST", "/api/hospital/appointments/" + appointmentId + "/confirmation", null).status())
                .isEqualTo(200);
        awaitBooking(caseId, "SCHEDULED");
        return appointmentId;
    }

    /** The FHIR statuses the hospital's feed published for one appointment, in order. */
    private List<String> feedStatuses(String hospitalId, String appointmentId) {
        return feedEvents(hospitalId).stream().filter(event -> appointmentId.equals(event.data().get("id").asString()))
                .map(event -> event.data().get("status").asString()).toList();
    }

    private String pseudonym(String hospitalId, String appointmentId) {
        JsonNode appointment = feedEvents(hospitalId).stream().filter(event -> appointmentId.equals(event.data().get("id").asString()))
                .findFirst().orElseThrow().data();
        return appointment.get("participant").get(0).get("actor").get("identifier").get("value").asString();
    }

    private JsonNode catchUp(String hospitalId, long after) {
        Answer answer = http(TestTokens.hospital(hospitalId), "GET", "/api/hospital/feed?after=" + after, null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

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

    private void sendCaseClosed(String caseId) {
        EventEnvelope golden = GoldenSamples.envelope(EventCatalog.CASE_CLOSED);
        CaseClosed closed = new CaseClosed(caseId, ClosureReason.PATIENT_DECLINED, Instant.now());
        TopicProbe.send(kafka, Topics.INTAKE, caseId,
                EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(), golden.source(), Instant.now(), 8, closed)));
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

    private List<String> eventTypes(String caseId) {
        return travelEvents(caseId).stream().map(record -> EventCodec.read(record.value()).type()).toList();
    }

    private <T> T lastEvent(String caseId, ca.passerelle.events.EventType<T> type) {
        List<EventEnvelope> matching = travelEvents(caseId).stream().map(record -> EventCodec.read(record.value()))
                .filter(envelope -> envelope.type().equals(type.name())).toList();
        assertThat(matching).as(type.name()).isNotEmpty();
        return EventCodec.payload(matching.get(matching.size() - 1), type);
    }

    private List<EventEnvelope> feedEvents(String hospitalId) {
        return TopicProbe.readAll(kafka, Topics.hospitalFeed(hospitalId)).stream()
                .map(record -> EventCodec.mapper().readValue(record.value(), EventEnvelope.class)).toList();
    }

    private void sendConsentWithdrawal(String caseId) {
        EventEnvelope golden = GoldenSamples.envelope(EventCatalog.CONSENT_CHANGED);
        ConsentChanged sample = GoldenSamples.payload(EventCatalog.CONSENT_CHANGED);
        ConsentChanged withdrawn = new ConsentChanged(caseId, ConsentPurpose.CROSS_BORDER_COMMUNICATION, false,
                new ConsentGrants(true, false, sample.consents().research()), Instant.now());
        assertThat(withdrawn.stopsCrossBorder()).isTrue();
        TopicProbe.send(kafka, Topics.INTAKE, caseId,
                EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(), golden.source(), Instant.now(), 7, withdrawn)));
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
