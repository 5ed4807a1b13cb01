package ca.passerelle.travel.booking;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.Topics;
import ca.passerelle.events.assessment.SurgeryRecommended;
import ca.passerelle.testinfra.TestInfrastructure;
import ca.passerelle.testinfra.TestIssuer;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;
import ca.passerelle.travel.TravelCoordinationApplication;
import tools.jackson.databind.JsonNode;

/**
 * The service stopped and started again between the hold and the hospital's answer, against the same database and
 * broker: the second run finishes the saga from the persisted state, with the one hold the first run placed.
 */
class SagaRestartIT {

    private static final WireMockServer gateway = new WireMockServer(options().dynamicPort());
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String LYON = "fr-lyon-restart-" + RUN;
    private static final LocalDate SURGERY_ON = LocalDate.now(ZoneOffset.UTC).plusDays(40);
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @BeforeAll
    static void partnerHospital() {
        gateway.start();
        gateway.stubFor(get(urlPathEqualTo("/api/facilities")).willReturn(okJson("""
                {"facilities":[{"id":"%s","name":"CHU de Lyon","kind":"SURGICAL_HOSPITAL","country":"FR","region":"ARA","city":"Lyon",
                  "categories":["SIMPLE_DECOMPRESSION"],"languages":["fr"]}],"stale":false,"asOf":"2026-11-28T16:00:00Z","ageSeconds":0}"""
                .formatted(LYON))));
        gateway.stubFor(get(urlPathEqualTo("/api/facilities/" + LYON + "/availability")).willReturn(okJson("""
                {"facilityId":"%s","slots":[{"slotId":"lyon-1","facilityId":"%1$s","date":"%s","status":"AVAILABLE"}],
                 "stale":false,"asOf":"2026-11-28T16:00:00Z","ageSeconds":0}""".formatted(LYON, SURGERY_ON))));
        gateway.stubFor(delete(urlPathMatching("/api/holds/.+")).willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    static void stopGateway() {
        gateway.stop();
    }

    @Test
    void finishesTheSagaAfterARestartBetweenHoldAndConfirmationWithASingleHold() {
        String caseId = "c-" + UUID.randomUUID();
        String holdId = "h-restart-" + RUN;
        gateway.stubFor(post(urlEqualTo("/api/holds")).withRequestBody(matchingJsonPath("$.reference", equalTo(caseId)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"holdId":"%s","slotId":"lyon-1","facilityId":"%s","date":"%s","status":"HELD","reference":"%s","expiresAt":"%s"}"""
                        .formatted(holdId, LYON, SURGERY_ON, caseId, Instant.now().plus(Duration.ofDays(2))))));
        gateway.stubFor(post(urlEqualTo("/api/holds/" + holdId + "/confirmation")).willReturn(okJson("""
                {"holdId":"%s","slotId":"lyon-1","facilityId":"%s","date":"%s","status":"CONFIRMED","reference":"%s","expiresAt":null}"""
                .formatted(holdId, LYON, SURGERY_ON, caseId))));
        String database = "travel-restart-" + RUN;
        String appointmentId;

        try (ConfigurableApplicationContext first = start(database)) {
            sendRecommendation(caseId);
            appointmentId = awaitBooking(first, caseId, "AWAITING_HOSPITAL_CONFIRMATION").get("appointment").get("appointmentId").asString();
            await().atMost(PATIENCE).until(() -> eventTypes(caseId).contains(EventCatalog.SURGERY_SLOT_HELD.name()));
        }
        assertThat(holdRequests(caseId)).isEqualTo(1);

        try (ConfigurableApplicationContext second = start(database)) {
            await().during(Duration.ofSeconds(1)).atMost(PATIENCE)
                    .until(() -> "AWAITING_HOSPITAL_CONFIRMATION".equals(booking(second, caseId).get("status").asString()));

            int confirmed = call(second, TestTokens.hospital(LYON), "POST", "/api/hospital/appointments/" + appointmentId + "/confirmation")
                    .status();

            assertThat(confirmed).isEqualTo(200);
            awaitBooking(second, caseId, "SCHEDULED");
            await().atMost(PATIENCE).until(() -> eventTypes(caseId).contains(EventCatalog.TRAVEL_PLAN_UPDATED.name()));
            await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> eventTypes(caseId).size() == 4);
        }
        assertThat(eventTypes(caseId)).containsExactly(EventCatalog.SURGERY_OPTIONS_OFFERED.name(), EventCatalog.SURGERY_SLOT_HELD.name(),
                EventCatalog.SURGERY_SCHEDULED.name(), EventCatalog.TRAVEL_PLAN_UPDATED.name());
        assertThat(holdRequests(caseId)).as("no second hold after the restart").isEqualTo(1);
        gateway.verify(exactly(1), postRequestedFor(urlEqualTo("/api/holds/" + holdId + "/confirmation")));
        gateway.verify(exactly(0), deleteRequestedFor(urlEqualTo("/api/holds/" + holdId)));
        List<String> feed = TopicProbe.readAll(kafka(), Topics.hospitalFeed(LYON)).stream()
                .map(record -> EventCodec.mapper().readValue(record.value(), EventEnvelope.class).data().get("status").asString()).toList();
        assertThat(feed).containsExactly("proposed", "booked");
    }

    // ---- one run of the service ---------------------------------------------------------------------------------

    private static ConfigurableApplicationContext start(String database) {
        TestInfrastructure.Servers servers = TestInfrastructure.servers();
        return new SpringApplicationBuilder(TravelCoordinationApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + servers.kafkaBootstrapServers(),
                "--spring.cloud.stream.kafka.binder.brokers=" + servers.kafkaBootstrapServers(),
                "--spring.cloud.stream.default.group=travel-restart-" + RUN,
                "--spring.mongodb.uri=" + servers.mongoUri(database),
                "--passerelle.security.issuer=" + TestIssuer.get().issuer(),
                "--passerelle.travel.facility-gateway.base-url=" + gateway.baseUrl(),
                "--passerelle.travel.scheduling.tick=100ms",
                "--passerelle.travel.scheduling.retry-initial=100ms",
                "--passerelle.travel.scheduling.retry-max=400ms",
                "--passerelle.messaging.relay-interval=200ms");
    }

    private static String kafka() {
        return TestInfrastructure.servers().kafkaBootstrapServers();
    }

    private static void sendRecommendation(String caseId) {
        EventEnvelope golden = GoldenSamples.envelope(EventCatalog.SURGERY_RECOMMENDED);
        SurgeryRecommended sample = GoldenSamples.payload(EventCatalog.SURGERY_RECOMMENDED);
        SurgeryRecommended recommended = new SurgeryRecommended(caseId, sample.category(), sample.probableCauses(), sample.rationale(),
                sample.recommendedAt());
        TopicProbe.send(kafka(), Topics.ASSESSMENT, caseId,
                EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(), golden.source(), golden.time(), golden.sequence(), recommended)));
    }

    private static List<String> eventTypes(String caseId) {
        return TopicProbe.readAll(kafka(), Topics.TRAVEL, record -> caseId.equals(record.key())).stream()
                .map(record -> EventCodec.read(record.value()).type()).toList();
    }

    private static int holdRequests(String caseId) {
        return gateway.findAll(postRequestedFor(urlEqualTo("/api/holds")).withRequestBody(matchingJsonPath("$.reference", equalTo(caseId))))
                .size();
    }

    record Answer(int status, JsonNode body) {
    }

    private static Answer call(ConfigurableApplicationContext context, String token, String method, String path) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return RestClient.create("http://localhost:" + port).method(HttpMethod.valueOf(method)).uri(path)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .exchange((request, response) -> {
                    byte[] body = response.getBody().readAllBytes();
                    return new Answer(response.getStatusCode().value(), body.length == 0 ? null : EventCodec.mapper().readTree(body));
                });
    }

    private static JsonNode booking(ConfigurableApplicationContext context, String caseId) {
        Answer answer = call(context, TestTokens.coordinator(), "GET", "/api/bookings/" + caseId);
        return answer.status() == 200 ? answer.body() : EventCodec.mapper().createObjectNode().put("status", "HTTP " + answer.status());
    }

    private static JsonNode awaitBooking(ConfigurableApplicationContext context, String caseId, String status) {
        await().atMost(PATIENCE).until(() -> status.equals(booking(context, caseId).get("status").asString()));
        return booking(context, caseId);
    }
}
