package ca.passerelle.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.Topics;
import ca.passerelle.events.intake.CaseClosed;
import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.platform.faults.InjectedFaultError;
import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A handler that throws an {@link Error} (the test-only fault {@code passerelle.faults.error-on-event-type}, here for
 * {@code CaseClosed}) against the real broker: the event is dead-lettered once with its reason, the binding stops, and the
 * service says so — health {@code consumers.watchedEvents-in-0} DOWN (and the service's status with it), gauge
 * {@code passerelle.consumers.stopped{binding=watchedEvents-in-0}} 1 — instead of answering UP while nothing is consumed.
 * Without the platform's guard, the binder retried the {@code Error} 40 times, failed to dead-letter it (a
 * NullPointerException in the binder's dead-letter handler) and spring-kafka skipped the record: lost, with an ERROR log.
 */
@SpringBootTest(classes = ConsumerHealthTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=consumer-health-test",
        "spring.cloud.function.definition=watchedEvents",
        "spring.cloud.stream.bindings.watchedEvents-in-0.destination=" + ConsumerHealthIT.TOPIC,
        "passerelle.faults.error-on-event-type=ca.passerelle.intake.case-closed.v1"})
@RealInfrastructure
class ConsumerHealthIT {

    static final String TOPIC = "passerelle.test.consumer-health.v1";
    static final String BINDING = "watchedEvents-in-0";
    static final String DEAD_LETTERS = Topics.deadLetter(TOPIC, "consumer-health-test");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    MeterRegistry meters;
    @Autowired
    BindingsLifecycleController lifecycle;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aHandlerErrorStopsTheConsumerAndHealthAndTheGaugeSaySoNamingTheBinding() throws Exception {
        assertThat(EventCatalog.CASE_CLOSED.name()).isEqualTo("ca.passerelle.intake.case-closed.v1");
        String first = "c-" + UUID.randomUUID();
        TopicProbe.send(kafka, TOPIC, first, EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(), "/passerelle/intake-service",
                Instant.now(), 1, opened(first))));
        await().atMost(Duration.ofSeconds(60)).until(() -> ConsumerHealthTestApplication.HANDLED.contains(first));
        assertThat(bindingStatus()).isEqualTo("UP");
        assertThat(stoppedGauge()).isZero();
        assertThat(health().path("status").asString()).isEqualTo("UP");

        String poisoned = "c-" + UUID.randomUUID();
        TopicProbe.send(kafka, TOPIC, poisoned, EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(), "/passerelle/intake-service",
                Instant.now(), 2, new CaseClosed(poisoned, GoldenSamples.payload(EventCatalog.CASE_CLOSED).reason(), Instant.now()))));

        await().atMost(Duration.ofSeconds(60)).until(() -> "DOWN".equals(bindingStatus()));
        assertThat(stoppedGauge()).as("passerelle.consumers.stopped{binding=%s}", BINDING).isEqualTo(1.0);
        assertThat(health().path("status").asString()).as("the service's own status").isEqualTo("DOWN");

        // The event that raised the Error is dead-lettered once, with its reason (never silently skipped).
        await().atMost(Duration.ofSeconds(30)).until(() -> !TopicProbe.readAll(kafka, DEAD_LETTERS).isEmpty());
        List<ConsumerRecord<String, byte[]>> deadLetters = TopicProbe.readAll(kafka, DEAD_LETTERS);
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0).key()).isEqualTo(poisoned);
        assertThat(TopicProbe.header(deadLetters.get(0), "x-exception-message")).contains(InjectedFaultError.class.getName()).contains(BINDING);

        // Stopped for real: a later event is not consumed while the binding is stopped...
        String after = "c-" + UUID.randomUUID();
        TopicProbe.send(kafka, TOPIC, after, EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(), "/passerelle/intake-service",
                Instant.now(), 1, opened(after))));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !ConsumerHealthTestApplication.HANDLED.contains(after));
        assertThat(bindingStatus()).isEqualTo("DOWN");

        // ...and consumed once the binding is started again (what a restart does), which clears the stop.
        lifecycle.changeState(BINDING, BindingsLifecycleController.State.STARTED);
        await().atMost(Duration.ofSeconds(60)).until(() -> ConsumerHealthTestApplication.HANDLED.contains(after));
        assertThat(bindingStatus()).isEqualTo("UP");
        assertThat(stoppedGauge()).isZero();
        assertThat(TopicProbe.readAll(kafka, DEAD_LETTERS)).as("still one dead letter").hasSize(1);
    }

    private double stoppedGauge() {
        return meters.get("passerelle.consumers.stopped").tag("binding", BINDING).gauge().value();
    }

    private String bindingStatus() throws Exception {
        return health().path("components").path("consumers").path("components").path(BINDING).path("status").asString();
    }

    private JsonNode health() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static CaseOpened opened(String caseId) {
        CaseOpened sample = GoldenSamples.payload(EventCatalog.CASE_OPENED);
        return new CaseOpened(caseId, sample.clinicId(), sample.openedAt(), sample.diagnosisCode(), sample.ageYears(), sample.homeRegion(),
                sample.preferredLanguage(), sample.priorSurgeries(), sample.symptoms(), sample.redFlags(), sample.imaging(),
                sample.conservativeCare(), sample.consents());
    }
}
