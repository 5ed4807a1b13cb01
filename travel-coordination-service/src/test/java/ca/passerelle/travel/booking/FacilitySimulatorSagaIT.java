package ca.passerelle.travel.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hl7.fhir.r4.model.Appointment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.EventType;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.Topics;
import ca.passerelle.events.assessment.SurgeryRecommended;
import ca.passerelle.events.assessment.UrgentReferralRequired;
import ca.passerelle.events.intake.ConsentChanged;
import ca.passerelle.events.intake.ConsentGrants;
import ca.passerelle.events.intake.ConsentPurpose;
import ca.passerelle.events.travel.CancellationReason;
import ca.passerelle.events.travel.Initiator;
import ca.passerelle.events.travel.SurgeryCancelled;
import ca.passerelle.events.travel.SurgeryRescheduled;
import ca.passerelle.events.travel.SurgeryScheduled;
import ca.passerelle.events.travel.TravelPlanUpdated;
import ca.passerelle.testinfra.MutableClock;
import ca.passerelle.testinfra.TestInfrastructure;
import ca.passerelle.testinfra.TestIssuer;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;
import ca.passerelle.travel.TravelCoordinationApplication;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7's acceptance through the real parts: the real facility-API simulator and the real facility-gateway in front of
 * it (each its own process, from the jars their modules built), the real broker and database, this service calling the
 * gateway with its own client-credentials token exactly as in production. What is held, confirmed and released is read
 * back from the simulator itself ({@code GET /v1/holds}), so "nothing half-booked" is checked where the slots live. Time
 * is this service's movable {@link Clock} (the hospital's answer deadline); the simulator keeps its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacilitySimulatorSagaIT {

    private static final MutableClock CLOCK = new MutableClock();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The simulator's French hospitals that perform SIMPLE_DECOMPRESSION (its directory). */
    private static final List<String> DECOMPRESSION_HOSPITALS = List.of("fr-lyon-chu-01", "fr-bordeaux-chu-01", "fr-montpellier-clinique-01",
            "fr-lille-chu-01");
    /** Put in the recommendation's free text: a name, a RAMQ number and a birth date that no hospital may ever see. */
    private static final String CANARY_NAME = "Canarilegault";
    private static final String CANARY_RAMQ = "CANA 5301 1299";
    private static final String CANARY_BIRTH = "1953-01-12";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final FhirContext fhir = FhirContext.forR4();
    private ExternalApplication simulator;
    private ExternalApplication gateway;
    private ConfigurableApplicationContext travel;
    private final String database = "travel-simulator-" + RUN;

    /** This service's clock, moved by the timeout test; primary over any other test clock the scan may find. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SimulatorSagaClock {

        @Bean
        @Primary
        Clock simulatorSagaClock() {
            return CLOCK;
        }
    }

    @BeforeAll
    void startTheRealParts() throws IOException {
        TestInfrastructure.Servers servers = TestInfrastructure.servers();
        simulator = ExternalApplication.start("facility-api-simulator", List.of("--simulator.holds.time-to-live=2h"));
        gateway = ExternalApplication.start("facility-gateway", List.of(
                "--spring.kafka.bootstrap-servers=" + servers.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + servers.mongoUri("facility-gateway-" + RUN),
                "--passerelle.security.issuer=" + TestIssuer.get().issuer(),
                "--passerelle.gateway.upstream.base-url=" + simulator.baseUrl(),
                "--resilience4j.ratelimiter.instances.facility-api.limit-for-period=500"));
        travel = startTravel();
    }

    @AfterAll
    void stopEverything() {
        if (travel != null) {
            travel.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    @Test
    void schedulesASurgeryThroughTheGatewayAndTheSimulatorUpToSurgeryScheduled() {
        String caseId = newCaseId();

        sendRecommendation(caseId);

        JsonNode booking = awaitBooking(caseId, "AWAITING_HOSPITAL_CONFIRMATION");
        assertThat(booking.get("options").valueStream().map(o -> o.get("hospitalId").asString()).toList())
                .isNotEmpty().allMatch(DECOMPRESSION_HOSPITALS::contains);
        String hospital = booking.get("appointment").get("hospitalId").asString();
        String appointmentId = booking.get("appointment").get("appointmentId").asString();
        LocalDate surgeryOn = LocalDate.parse(booking.get("appointment").get("surgeryOn").asString());
        assertThat(simulatorHolds(caseId)).singleElement().satisfies(hold -> {
            assertThat(hold.get("facilityId").asString()).isEqualTo(hospital);
            assertThat(hold.get("status").asString()).isEqualTo("HELD");
            assertThat(hold.get("date").asString()).isEqualTo(surgeryOn.toString());
            assertThat(hold.get("holdId").asString()).isEqualTo(booking.get("hold").get("holdId").asString());
        });

        Answer confirmed = call(TestTokens.hospital(hospital), "POST", "/api/hospital/appointments/" + appointmentId + "/confirmation", null);

        assertThat(confirmed.status()).isEqualTo(200);
        awaitBooking(caseId, "SCHEDULED");
        assertThat(simulatorHolds(caseId)).extracting(hold -> hold.get("status").asString()).containsExactly("CONFIRMED");
        await().atMost(PATIENCE).until(() -> eventTypes(caseId).contains(EventCatalog.TRAVEL_PLAN_UPDATED.name()));
        assertThat(eventTypes(caseId)).containsExactly(EventCatalog.SURGERY_OPTIONS_OFFERED.name(), EventCatalog.SURGERY_SLOT_HELD.name(),
                EventCatalog.SURGERY_SCHEDULED.name(), EventCatalog.TRAVEL_PLAN_UPDATED.name());
        SurgeryScheduled scheduled = lastEvent(caseId, EventCatalog.SURGERY_SCHEDULED);
        assertThat(scheduled.hospitalId()).isEqualTo(hospital);
        assertThat(scheduled.surgeryOn()).isEqualTo(surgeryOn);
        assertThat(scheduled.fitToFlyOn()).isEqualTo(surgeryOn.plusDays(10));
        await().atMost(PATIENCE).until(() -> feedStatuses(hospital, appointmentId).equals(List.of("proposed", "booked")));
    }

    @Test
    void holdsAndConfirmsTheSecondHospitalWhenTheFirstDeclinesAndReleasesTheFirstHoldAtTheSimulator() {
        String caseId = newCaseId();
        sendRecommendation(caseId);
        JsonNode first = awaitBooking(caseId, "AWAITING_HOSPITAL_CONFIRMATION");
        String firstHospital = first.get("appointment").get("hospitalId").asString();
        String firstAppointment = first.get("appointment").get("appointmentId").asString();

        Answer declined = call(TestTokens.hospital(firstHospital), "POST", "/api/hospital/appointments/" + firstAppointment + "/decline",
                "{\"reason\":\"Bloc opératoire fermé\"}");

        assertThat(declined.status()).isEqualTo(200);
        JsonNode second = awaitHeldElsewhere(caseId, firstHospital);
        String secondHospital = second.get("appointment").get("hospitalId").asString();
        String secondAppointment = second.get("appointment").get("appointmentId").asString();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(simulatorHolds(caseId))
                .extracting(hold -> hold.get("facilityId").asString() + ":" + hold.get("status").asString())
                .containsExactlyInAnyOrder(firstHospital + ":RELEASED", secondHospital + ":HELD"));

        assertThat(call(TestTokens.hospital(secondHospital), "POST", "/api/hospital/appointments/" + secondAppointment + "/confirmation", null)
                .status()).isEqualTo(200);

        awaitBooking(caseId, "SCHEDULED");
        assertThat(simulatorHolds(caseId)).extracting(hold -> hold.get("facilityId").asString() + ":" + hold.get("status").asString())
                .containsExactlyInAnyOrder(firstHospital + ":RELEASED", secondHospital + ":CONFIRMED");
        await().atMost(PATIENCE).until(() -> eventTypes(caseId).contains(EventCatalog.SURGERY_SCHEDULED.name()));
        assertThat(lastEvent(caseId, EventCatalog.SURGERY_SCHEDULED).hospitalId()).isEqualTo(secondHospital);
        await().atMost(PATIENCE).until(() -> feedStatuses(firstHospital, firstAppointment).equals(List.of("proposed", "cancelled"))
                && feedStatuses(secondHospital, secondAppointment).equals(List.of("proposed", "booked")));
    }

    @Test
    void releasesTheHoldAtTheSimulatorWhenTheHospitalDoesNotAnswerInTime() {
        String caseId = newCaseId();
        sendRecommendation(caseId);
        JsonNode first = awaitBooking(caseId, "AWAITING_HOSPITAL_CONFIRMATION");
        String silentHospital = first.get("appointment").get("hospitalId").asString();
        String silent = first.get("appointment").get("appointmentId").asString();
        await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> "AWAITING_HOSPITAL_CONFIRMATION".equals(status(caseId)));
        assertThat(simulatorHolds(caseId)).extracting(hold -> hold.get("status").asString()).containsExactly("HELD");

        CLOCK.advance(Duration.ofHours(2).plusMinutes(1));

        JsonNode next = awaitHeldElsewhere(caseId, silentHospital);
        String nextHospital = next.get("appointment").get("hospitalId").asString();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(simulatorHolds(caseId))
                .extracting(hold -> hold.get("facilityId").asString() + ":" + hold.get("status").asString())
                .containsExactlyInAnyOrder(silentHospital + ":RELEASED", nextHospital + ":HELD"));
        assertThat(booking(caseId).get("hospitalDecisions").valueStream().map(d -> d.get("decision").asString() + " " + d.get("appointmentId")
                .asString())).containsExactly("TIMED_OUT " + silent);
        await().atMost(PATIENCE).until(() -> feedStatuses(silentHospital, silent).equals(List.of("proposed", "cancelled")));
        assertThat(call(TestTokens.hospital(silentHospital), "POST", "/api/hospital/appointments/" + silent + "/confirmation", null).status())
                .isEqualTo(404);
    }

    @Test
    void cancelsABookedSurgeryForTheCoordinatorReleasingTheSlotAtTheSimulatorCancellingTravelAndTellingTheHospital() {
        String caseId = newCaseId();
        JsonNode booked = scheduled(caseId);
        String hospital = booked.get("appointment").get("hospitalId").asString();
        String appointmentId = booked.get("appointment").get("appointmentId").asString();
        assertThat(simulatorHolds(caseId)).extracting(hold -> hold.get("status").asString()).containsExactly("CONFIRMED");

        Answer cancelled = call(TestTokens.coordinator(), "POST", "/api/bookings/" + caseId + "/cancel", null);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(simulatorHolds(caseId))
                .as("nothing left held or confirmed at the simulator").extracting(hold -> hold.get("status").asString())
                .containsExactly("RELEASED"));
        assertThat(call(TestTokens.coordinator(), "GET", "/api/bookings/" + caseId + "/travel-plan", null).body().get("status").asString())
                .isEqualTo("CANCELLED");
        await().atMost(PATIENCE).until(() -> eventTypes(caseId).contains(EventCatalog.SURGERY_CANCELLED.name())
                && "CANCELLED".equals(lastEvent(caseId, EventCatalog.TRAVEL_PLAN_UPDATED).status()));
        SurgeryCancelled event = lastEvent(caseId, EventCatalog.SURGERY_CANCELLED);
        assertThat(event.reason()).isEqualTo(CancellationReason.COORDINATOR_DECISION);
        assertThat(event.initiatedBy()).isEqualTo(Initiator.COORDINATOR);
        assertThat(event.appointmentId()).isEqualTo(appointmentId);
        await().atMost(PATIENCE).until(() -> feedStatuses(hospital, appointmentId).equals(List.of("proposed", "booked", "cancelled")));
        assertThat(lastFeedAppointment(hospital, appointmentId).getStatus().toCode()).isEqualTo("cancelled");
    }

    @Test
    void reschedulesForTheHospitalAndRecomputesTheTravelPlanWithTheNewFitToFlyDate() {
        String caseId = newCaseId();
        JsonNode booked = scheduled(caseId);
        String hospital = booked.get("appointment").get("hospitalId").asString();
        String appointmentId = booked.get("appointment").get("appointmentId").asString();
        LocalDate surgeryOn = LocalDate.parse(booked.get("appointment").get("surgeryOn").asString());
        LocalDate movedTo = surgeryOn.plusDays(7);

        Answer moved = call(TestTokens.hospital(hospital), "POST", "/api/hospital/appointments/" + appointmentId + "/reschedule",
                "{\"surgeryOn\":\"%s\"}".formatted(movedTo));

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().get("fitToFlyOn").asString()).isEqualTo(movedTo.plusDays(10).toString());
        await().atMost(PATIENCE).until(() -> eventTypes(caseId).contains(EventCatalog.SURGERY_RESCHEDULED.name())
                && movedTo.plusDays(10).equals(lastEvent(caseId, EventCatalog.TRAVEL_PLAN_UPDATED).fitToFlyOn()));
        SurgeryRescheduled rescheduled = lastEvent(caseId, EventCatalog.SURGERY_RESCHEDULED);
        assertThat(rescheduled.previousSurgeryOn()).isEqualTo(surgeryOn);
        assertThat(rescheduled.surgeryOn()).isEqualTo(movedTo);
        assertThat(rescheduled.initiatedBy()).isEqualTo(Initiator.HOSPITAL);
        TravelPlanUpdated replanned = lastEvent(caseId, EventCatalog.TRAVEL_PLAN_UPDATED);
        assertThat(replanned.surgeryOn()).isEqualTo(movedTo);
        assertThat(replanned.preOpConsultationOn()).isEqualTo(movedTo.minusDays(2));
        JsonNode plan = call(TestTokens.coordinator(), "GET", "/api/bookings/" + caseId + "/travel-plan", null).body();
        assertThat(plan.get("surgeryOn").asString()).isEqualTo(movedTo.toString());
        assertThat(plan.get("fitToFlyOn").asString()).isEqualTo(movedTo.plusDays(10).toString());
        await().atMost(PATIENCE).until(() -> feedStatuses(hospital, appointmentId).equals(List.of("proposed", "booked", "booked")));
        assertThat(lastFeedAppointment(hospital, appointmentId).getStart().toInstant().toString()).startsWith(movedTo.toString());
        // The booking stays booked at the simulator: one confirmed hold, nothing else held for the case.
        assertThat(simulatorHolds(caseId)).extracting(hold -> hold.get("status").asString()).containsExactly("CONFIRMED");
    }

    @Test
    void cancelsTheSagaOnARedFlagAndOnConsentWithdrawalLeavingNothingHeldAtTheSimulator() {
        String redFlag = newCaseId();
        sendRecommendation(redFlag);
        awaitBooking(redFlag, "AWAITING_HOSPITAL_CONFIRMATION");
        String withdrawn = newCaseId();
        scheduled(withdrawn);

        sendUrgentReferral(redFlag);
        sendConsentWithdrawal(withdrawn);

        for (String caseId : List.of(redFlag, withdrawn)) {
            awaitBooking(caseId, "CANCELLED");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(simulatorHolds(caseId)).extracting(hold -> hold.get("status").asString())
                    .containsExactly("RELEASED"));
            await().atMost(PATIENCE).until(() -> eventTypes(caseId).contains(EventCatalog.SURGERY_CANCELLED.name()));
        }
        assertThat(lastEvent(redFlag, EventCatalog.SURGERY_CANCELLED).reason()).isEqualTo(CancellationReason.URGENT_REFERRAL);
        assertThat(lastEvent(withdrawn, EventCatalog.SURGERY_CANCELLED).reason()).isEqualTo(CancellationReason.CONSENT_WITHDRAWN);
        await().atMost(PATIENCE).until(() -> "CANCELLED".equals(lastEvent(withdrawn, EventCatalog.TRAVEL_PLAN_UPDATED).status()));
    }

    /** The service stopped between the hold and the hospital's answer, then started again on the same database and broker. */
    @Test
    void finishesTheSagaAfterARestartBetweenHoldAndConfirmationWithOneHoldAtTheSimulator() {
        String caseId = newCaseId();
        sendRecommendation(caseId);
        JsonNode held = awaitBooking(caseId, "AWAITING_HOSPITAL_CONFIRMATION");
        String hospital = held.get("appointment").get("hospitalId").asString();
        String appointmentId = held.get("appointment").get("appointmentId").asString();
        await().atMost(PATIENCE).until(() -> eventTypes(caseId).contains(EventCatalog.SURGERY_SLOT_HELD.name()));

        travel.close();
        travel = startTravel();

        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> "AWAITING_HOSPITAL_CONFIRMATION".equals(status(caseId)));
        assertThat(simulatorHolds(caseId)).as("no second hold after the restart").extracting(hold -> hold.get("status").asString())
                .containsExactly("HELD");
        assertThat(call(TestTokens.hospital(hospital), "POST", "/api/hospital/appointments/" + appointmentId + "/confirmation", null).status())
                .isEqualTo(200);
        awaitBooking(caseId, "SCHEDULED");
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> eventTypes(caseId).size() == 4);
        assertThat(eventTypes(caseId)).containsExactly(EventCatalog.SURGERY_OPTIONS_OFFERED.name(), EventCatalog.SURGERY_SLOT_HELD.name(),
                EventCatalog.SURGERY_SCHEDULED.name(), EventCatalog.TRAVEL_PLAN_UPDATED.name());
        assertThat(simulatorHolds(caseId)).extracting(hold -> hold.get("facilityId").asString() + ":" + hold.get("status").asString())
                .containsExactly(hospital + ":CONFIRMED");
        await().atMost(PATIENCE).until(() -> feedStatuses(hospital, appointmentId).equals(List.of("proposed", "booked")));
    }

    /**
     * Over every hospital this run touched: the catch-up endpoint numbers its events 1..n without gap, answers exactly
     * those after N, and each is on the hospital's topic byte for byte; every Appointment parses with HAPI's strict
     * parser; another hospital's token gets 404; and no hospital-facing payload (topics, catch-up, appointment lists,
     * what the simulator was sent) carries the name, RAMQ number or birth date planted in the recommendation.
     */
    @Test
    void feedsEachHospitalAGapFreePseudonymousFhirStreamAndNoHospitalFacingPayloadCarriesThePatientsIdentity() {
        String caseId = newCaseId();
        JsonNode booked = scheduled(caseId);
        String hospital = booked.get("appointment").get("hospitalId").asString();
        String other = DECOMPRESSION_HOSPITALS.stream().filter(h -> !h.equals(hospital)).findFirst().orElseThrow();
        IParser strict = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        List<String> hospitalFacing = new ArrayList<>();

        for (String each : DECOMPRESSION_HOSPITALS) {
            JsonNode all = catchUp(each, 0);
            List<JsonNode> events = all.get("events").valueStream().toList();
            if (each.equals(hospital)) {
                assertThat(events).isNotEmpty();
            }
            assertThat(events).extracting(event -> event.get("sequence").asLong())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
            List<String> onTopic = TopicProbe.readAll(kafka(), Topics.hospitalFeed(each)).stream()
                    .map(record -> new String(record.value(), StandardCharsets.UTF_8)).toList();
            List<JsonNode> published = onTopic.stream().map(value -> EventCodec.mapper().readTree(value)).toList();
            assertThat(published).as("each catch-up event is on %s's topic", each).containsAll(events);
            for (JsonNode event : events) {
                assertThat(event.get("subject").asString()).isEqualTo(each);
                Appointment appointment = strict.parseResource(Appointment.class, event.get("data").toString());
                assertThat(appointment.getStatus().toCode()).isIn("proposed", "booked", "cancelled");
                assertThat(appointment.getEnd()).isAfter(appointment.getStart());
            }
            long half = events.size() / 2;
            assertThat(catchUp(each, half).get("events").valueStream().toList()).containsExactlyElementsOf(events.subList((int) half, events.size()));
            assertThat(catchUp(each, events.size()).get("events")).isEmpty();
            hospitalFacing.add(all.toString());
            hospitalFacing.addAll(onTopic);
            hospitalFacing.add(call(TestTokens.hospital(each), "GET", "/api/hospital/appointments", null).body().toString());
        }
        Answer foreignFeed = call(TestTokens.hospital(other), "GET", "/api/hospital/feed?after=0&hospitalId=" + hospital, null);
        assertThat(foreignFeed.status()).isEqualTo(404);
        assertThat(call(TestTokens.hospital(other), "GET", "/api/hospital/appointments?hospitalId=" + hospital, null).status()).isEqualTo(404);
        assertThat(call(TestTokens.hospital(other), "POST", "/api/hospital/appointments/" + booked.get("appointment").get("appointmentId")
                .asString() + "/completion", "{\"performedOn\":\"%s\",\"outcome\":\"COMPLETED_AS_PLANNED\"}".formatted(LocalDate.now()))
                .status()).isEqualTo(404);
        hospitalFacing.add(get(simulator.baseUrl() + "/v1/holds").body());

        assertThat(hospitalFacing).allSatisfy(payload -> assertThat(payload)
                .doesNotContain(CANARY_NAME, CANARY_RAMQ, CANARY_RAMQ.replace(" ", ""), CANARY_BIRTH));
        assertThat(hospitalFacing.subList(0, hospitalFacing.size() - 1)).as("the feeds and lists know the patient by pseudonym only")
                .allSatisfy(payload -> assertThat(payload).doesNotContain(caseId));
    }

    // ---- the saga's steps -------------------------------------------------------------------------------------------

    /** A case booked at the first hospital offered (held, then confirmed by the hospital); its booking. */
    private JsonNode scheduled(String caseId) {
        sendRecommendation(caseId);
        JsonNode held = awaitBooking(caseId, "AWAITING_HOSPITAL_CONFIRMATION");
        String hospital = held.get("appointment").get("hospitalId").asString();
        assertThat(call(TestTokens.hospital(hospital), "POST",
                "/api/hospital/appointments/" + held.get("appointment").get("appointmentId").asString() + "/confirmation", null).status())
                .isEqualTo(200);
        return awaitBooking(caseId, "SCHEDULED");
    }

    private JsonNode awaitHeldElsewhere(String caseId, String firstHospital) {
        await().atMost(PATIENCE).until(() -> {
            JsonNode booking = booking(caseId);
            return "AWAITING_HOSPITAL_CONFIRMATION".equals(booking.get("status").asString())
                    && !firstHospital.equals(booking.path("appointment").path("hospitalId").asString(firstHospital));
        });
        return booking(caseId);
    }

    // ---- the simulator ------------------------------------------------------------------------------------------

    /** Every hold the simulator keeps for the case, whatever its status. */
    private List<JsonNode> simulatorHolds(String caseId) {
        Raw holds = get(simulator.baseUrl() + "/v1/holds");
        assertThat(holds.status()).isEqualTo(200);
        return EventCodec.mapper().readTree(holds.body()).valueStream().filter(hold -> caseId.equals(hold.path("reference").asString()))
                .toList();
    }

    // ---- events ---------------------------------------------------------------------------------------------------

    private static String kafka() {
        return TestInfrastructure.servers().kafkaBootstrapServers();
    }

    private static void sendRecommendation(String caseId) {
        EventEnvelope golden = GoldenSamples.envelope(EventCatalog.SURGERY_RECOMMENDED);
        SurgeryRecommended sample = GoldenSamples.payload(EventCatalog.SURGERY_RECOMMENDED);
        SurgeryRecommended recommended = new SurgeryRecommended(caseId, sample.category(), sample.probableCauses(),
                "Patient " + CANARY_NAME + ", RAMQ " + CANARY_RAMQ + ", né le " + CANARY_BIRTH + " : " + sample.rationale(),
                sample.recommendedAt());
        TopicProbe.send(kafka(), Topics.ASSESSMENT, caseId,
                EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(), golden.source(), golden.time(), golden.sequence(), recommended)));
    }

    private static void sendUrgentReferral(String caseId) {
        EventEnvelope golden = GoldenSamples.envelope(EventCatalog.URGENT_REFERRAL_REQUIRED);
        UrgentReferralRequired sample = GoldenSamples.payload(EventCatalog.URGENT_REFERRAL_REQUIRED);
        TopicProbe.send(kafka(), Topics.ASSESSMENT, caseId, EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(), golden.source(),
                Instant.now(), 3, new UrgentReferralRequired(caseId, sample.redFlags(), Instant.now()))));
    }

    private static void sendConsentWithdrawal(String caseId) {
        EventEnvelope golden = GoldenSamples.envelope(EventCatalog.CONSENT_CHANGED);
        ConsentChanged sample = GoldenSamples.payload(EventCatalog.CONSENT_CHANGED);
        ConsentChanged withdrawn = new ConsentChanged(caseId, ConsentPurpose.CROSS_BORDER_COMMUNICATION, false,
                new ConsentGrants(true, false, sample.consents().research()), Instant.now());
        TopicProbe.send(kafka(), Topics.INTAKE, caseId,
                EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(), golden.source(), Instant.now(), 7, withdrawn)));
    }

    private static List<ConsumerRecord<String, byte[]>> travelEvents(String caseId) {
        return TopicProbe.readAll(kafka(), Topics.TRAVEL, record -> caseId.equals(record.key()));
    }

    private static List<String> eventTypes(String caseId) {
        return travelEvents(caseId).stream().map(record -> EventCodec.read(record.value()).type()).toList();
    }

    private static <T> T lastEvent(String caseId, EventType<T> type) {
        List<EventEnvelope> matching = travelEvents(caseId).stream().map(record -> EventCodec.read(record.value()))
                .filter(envelope -> envelope.type().equals(type.name())).toList();
        assertThat(matching).as(type.name()).isNotEmpty();
        return EventCodec.payload(matching.get(matching.size() - 1), type);
    }

    /** The FHIR statuses this run's feed of the hospital gave the appointment, in order (catch-up endpoint). */
    private List<String> feedStatuses(String hospitalId, String appointmentId) {
        return catchUp(hospitalId, 0).get("events").valueStream().filter(event -> appointmentId.equals(event.get("data").get("id").asString()))
                .map(event -> event.get("data").get("status").asString()).toList();
    }

    private Appointment lastFeedAppointment(String hospitalId, String appointmentId) {
        JsonNode last = catchUp(hospitalId, 0).get("events").valueStream()
                .filter(event -> appointmentId.equals(event.get("data").get("id").asString())).reduce((a, b) -> b).orElseThrow();
        return fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler()).parseResource(Appointment.class, last.get("data").toString());
    }

    private JsonNode catchUp(String hospitalId, long after) {
        Answer answer = call(TestTokens.hospital(hospitalId), "GET", "/api/hospital/feed?after=" + after, null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    // ---- this service -----------------------------------------------------------------------------------------------

    private ConfigurableApplicationContext startTravel() {
        TestInfrastructure.Servers servers = TestInfrastructure.servers();
        return new SpringApplicationBuilder(TravelCoordinationApplication.class, SimulatorSagaClock.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + servers.kafkaBootstrapServers(),
                "--spring.cloud.stream.kafka.binder.brokers=" + servers.kafkaBootstrapServers(),
                "--spring.cloud.stream.default.group=travel-simulator-" + RUN,
                "--spring.mongodb.uri=" + servers.mongoUri(database),
                "--passerelle.security.issuer=" + TestIssuer.get().issuer(),
                "--passerelle.travel.facility-gateway.base-url=" + gateway.baseUrl(),
                "--passerelle.travel.hospital-answer-timeout=2h",
                "--passerelle.travel.scheduling.tick=100ms",
                "--passerelle.travel.scheduling.retry-initial=100ms",
                "--passerelle.travel.scheduling.retry-max=1s",
                "--passerelle.messaging.relay-interval=200ms");
    }

    record Answer(int status, JsonNode body) {
    }

    record Raw(int status, String body) {
    }

    private Answer call(String token, String method, String path, String json) {
        int port = ((WebServerApplicationContext) travel).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", TestTokens.bearer(token)).header("Content-Type", "application/json")
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        Raw raw = send(request);
        return new Answer(raw.status(), raw.body().isEmpty() ? null : EventCodec.mapper().readTree(raw.body()));
    }

    private Raw get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).header("Accept", "application/json").GET());
    }

    private Raw send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Raw(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode booking(String caseId) {
        Answer answer = call(TestTokens.coordinator(), "GET", "/api/bookings/" + caseId, null);
        return answer.status() == 200 ? answer.body() : EventCodec.mapper().createObjectNode().put("status", "HTTP " + answer.status());
    }

    private String status(String caseId) {
        return booking(caseId).get("status").asString();
    }

    private JsonNode awaitBooking(String caseId, String status) {
        await().atMost(PATIENCE).until(() -> status.equals(status(caseId)));
        return booking(caseId);
    }

    private static String newCaseId() {
        return "c-" + UUID.randomUUID();
    }
}
