package ca.passerelle.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.StandardEnvironment;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.Topics;
import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.platform.ServiceDefaults;
import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * JSON logs, the operators' switch ({@code logging.structured.format.console=ecs}, set by docker-compose and the
 * Kubernetes base; deploy/README.md): with it, every line a service writes is one JSON object (Elastic Common Schema),
 * and a line written while a consumed event or an HTTP request about a case is handled carries the trace id, span id and
 * case id as the fields {@code traceId}, {@code spanId} and {@code caseId}; the event's payload never reaches the logs.
 *
 * <p>Spring Boot sets logging up once per JVM, for the first application of the test run; {@link FreshLogging} makes
 * this class's application set it up afresh with the switch, and gives the next test classes the platform's pattern back.
 */
@ExtendWith(StructuredLoggingIT.FreshLogging.class)
@SpringBootTest(classes = ScreeningTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=structured-logging-test",
        "logging.structured.format.console=ecs",
        "spring.cloud.function.definition=intakeEvents",
        "spring.cloud.stream.bindings.intakeEvents-in-0.destination=" + Topics.INTAKE,
        "passerelle.messaging.relay-interval=200ms"})
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingIT {

    /** Stands for a patient's name and RAMQ number in the event; must appear in no log line. */
    private static final String PHI_CANARY = "TREMBLAY-MARIE-TREM55010199";

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @LocalServerPort
    int port;

    @Test
    void writesTheHandlingOfAConsumedEventAsJsonWithItsTraceAndCaseAndWithoutItsPayload(CapturedOutput output) {
        int from = output.getOut().length();
        String caseId = "c-" + UUID.randomUUID();
        String traceId = randomHex(16);

        TopicProbe.send(kafka, Topics.INTAKE, caseId, EventCodec.write(caseOpenedWithCanary(caseId)),
                new RecordHeader("traceparent", ("00-" + traceId + "-" + randomHex(8) + "-01").getBytes(StandardCharsets.UTF_8)));

        JsonNode handled = awaitLine(output, from, "Screening an opened case", caseId);
        assertThat(handled.path("traceId").asString()).isEqualTo(traceId);
        assertThat(handled.path("spanId").asString()).matches("[0-9a-f]{16}");
        assertThat(handled.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(handled.path("service").path("name").asString()).isEqualTo("structured-logging-test");
        JsonNode routed = awaitLine(output, from, "Handling " + EventCatalog.CASE_OPENED.name(), caseId);
        assertThat(routed.path("traceId").asString()).isEqualTo(traceId);

        assertEveryLineIsJsonWithoutTheCanary(output, from);
    }

    @Test
    void writesTheHandlingOfAnHttpRequestAboutACaseAsJsonWithItsTraceAndCase(CapturedOutput output) throws Exception {
        int from = output.getOut().length();
        String caseId = "c-" + UUID.randomUUID();
        String traceId = randomHex(16);

        URI screening = URI.create("http://127.0.0.1:" + port + "/api/screenings/" + caseId);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(screening)
                .header("Authorization", TestTokens.bearer(TestTokens.coordinator()))
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);

        JsonNode requested = awaitLine(output, from, "Screening requested", caseId);
        assertThat(requested.path("traceId").asString()).isEqualTo(traceId);
        assertEveryLineIsJsonWithoutTheCanary(output, from);
    }

    /** The first JSON line since {@code from} with this message and this case id in its {@code caseId} field. */
    private static JsonNode awaitLine(CapturedOutput output, int from, String message, String caseId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> find(output, from, message, caseId) != null);
        return find(output, from, message, caseId);
    }

    private static JsonNode find(CapturedOutput output, int from, String message, String caseId) {
        return linesSince(output, from).stream().filter(line -> line.contains(message) && line.contains(caseId))
                .map(EventCodec.mapper()::readTree)
                .filter(line -> line.path("message").asString().startsWith(message) && caseId.equals(line.path("caseId").asString()))
                .findFirst().orElse(null);
    }

    private static void assertEveryLineIsJsonWithoutTheCanary(CapturedOutput output, int from) {
        List<String> lines = linesSince(output, from);
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line).startsWith("{").endsWith("}");
            assertThat(EventCodec.mapper().readTree(line).path("message").isString()).as(line).isTrue();
        });
        assertThat(output.getAll()).doesNotContain(PHI_CANARY);
    }

    private static List<String> linesSince(CapturedOutput output, int from) {
        return output.getOut().substring(from).lines().filter(line -> !line.isBlank()).toList();
    }

    /** The golden case-opened event for this case, with the canary in a payload field. */
    private static EventEnvelope caseOpenedWithCanary(String caseId) {
        CaseOpened sample = GoldenSamples.payload(EventCatalog.CASE_OPENED);
        CaseOpened opened = new CaseOpened(caseId, sample.clinicId(), sample.openedAt(), sample.diagnosisCode(), sample.ageYears(),
                PHI_CANARY, sample.preferredLanguage(), sample.priorSurgeries(), sample.symptoms(), sample.redFlags(),
                sample.imaging(), sample.conservativeCare(), sample.consents());
        EventEnvelope event = EventCodec.envelope(UUID.randomUUID().toString(), "/passerelle/intake-service", Instant.now(), 1, opened);
        assertThat(new String(EventCodec.write(event), StandardCharsets.UTF_8)).contains(PHI_CANARY);
        return event;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }

    /**
     * Registered before the Spring extension, so it runs before the application starts: lets it set logging up from its
     * own settings, and afterwards sets the platform's default (pattern) logging up again.
     */
    static class FreshLogging implements BeforeAllCallback, AfterAllCallback {

        private static final String STRUCTURED_FORMAT = LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName();

    
        @Override
        public void beforeAll(ExtensionContext context) {
            System.clearProperty(STRUCTURED_FORMAT);
            LoggingSystem.get(StructuredLoggingIT.class.getClassLoader()).cleanUp();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            System.clearProperty(STRUCTURED_FORMAT);
            LoggingSystem logging = LoggingSystem.get(StructuredLoggingIT.class.getClassLoader());
            logging.cleanUp();
            StandardEnvironment environment = new StandardEnvironment();
            new ServiceDefaults().postProcessEnvironment(environment, new SpringApplication());
            logging.beforeInitialize();
            logging.initialize(new LoggingInitializationContext(environment), null, null);
        }
    }
}
