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
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.Topics;
import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.platform.observability.CaseStageMetrics;
import ca.passerelle.platform.observability.CaseTraces;
import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * One trace follows a case across HTTP, Kafka and the outbox: a consumer continues the producer's {@code traceparent},
 * an event raised while handling a request or an event is published by the relay in that trace, and every log line
 * of the handling names the trace and the case. The platform's metrics have their operator-facing names and no case id.
 */
@SpringBootTest(classes = ScreeningTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=tracing-test",
        "spring.cloud.function.definition=intakeEvents",
        "spring.cloud.stream.bindings.intakeEvents-in-0.destination=" + Topics.INTAKE,
        "passerelle.messaging.relay-interval=200ms"})
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class TracingIT {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");

    @Autowired
    AggregateStore store;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Tracer tracer;
    @Autowired
    MeterRegistry meters;
    @Autowired
    PrometheusMeterRegistry prometheus;
    @Autowired
    CaseStageMetrics stages;
    @Autowired
    CaseTraces caseTraces;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @LocalServerPort
    int port;

    @Test
    void handlesAConsumedEventInTheProducersTraceAndPublishesWhatItRaisedInTheSameTrace(CapturedOutput output) {
        String caseId = newCaseId();
        String traceId = randomHex(16);
        String producerSpanId = randomHex(8);

        TopicProbe.send(kafka, Topics.INTAKE, caseId, EventCodec.write(caseOpened(caseId)),
                new RecordHeader("traceparent", ("00-" + traceId + "-" + producerSpanId + "-01").getBytes(StandardCharsets.UTF_8)));

        ConsumerRecord<String, byte[]> published = awaitPublished(caseId);
        assertThat(traceIdOf(published)).isEqualTo(traceId);
        assertThat(parentSpanIdOf(published)).isNotEqualTo(producerSpanId);
        assertThat(logLine(output, "Screening an opened case", caseId)).contains("trace=" + traceId).contains("case=" + caseId);
    }

    @Test
    void keepsTheTraceparentOfTheSpanAnOutboxEntryWasRaisedInAndPublishesTheEventInAChildOfIt() {
        String caseId = newCaseId();
        Span span = tracer.nextSpan().name("clinic request").start();
        relay.pause();
        try {
            try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                Screening screening = new Screening(caseId);
                screening.rescreen(Instant.now());
                store.insert(screening);
            } finally {
                span.end();
            }
            Document stored = mongo.findById(caseId, Document.class, "screenings");
            assertThat(stored.getList("outbox", Document.class).get(0).getString("traceparent"))
                    .isEqualTo("00-" + span.context().traceId() + "-" + span.context().spanId() + "-01");
        } finally {
            relay.resume();
        }

        ConsumerRecord<String, byte[]> published = awaitPublished(caseId);
        assertThat(traceIdOf(published)).isEqualTo(span.context().traceId());
        // Sent in a span of the relay's own (child of the request's span), not in the request's span itself.
        assertThat(parentSpanIdOf(published)).isNotEqualTo(span.context().spanId());
    }

    @Test
    void workStartedLaterOnACaseContinuesTheCasesTraceNotTheSchedulersAndNamesTheCase(CapturedOutput output) {
        String caseId = newCaseId();
        Span request = tracer.nextSpan().name("clinic request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            store.insert(new Screening(caseId));
        } finally {
            request.end();
        }
        Screening stored = mongo.findById(caseId, Screening.class);
        assertThat(stored.caseTraceparent()).startsWith("00-" + request.context().traceId() + "-");

        Span schedulerRun = tracer.nextSpan().name("scheduled run").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(schedulerRun)) {
            caseTraces.continueCase(stored, caseId, "re-check", () -> {
                LoggerFactory.getLogger(TracingIT.class).info("Re-checking the screening");
                store.update(Screening.class, caseId, screening -> screening.rescreen(Instant.now()));
            });
            assertThat(tracer.currentSpan().context().spanId()).as("the scheduler's span is back").isEqualTo(schedulerRun.context().spanId());
        } finally {
            schedulerRun.end();
        }

        assertThat(schedulerRun.context().traceId()).isNotEqualTo(request.context().traceId());
        assertThat(traceIdOf(awaitPublished(caseId))).isEqualTo(request.context().traceId());
        assertThat(logLine(output, "Re-checking the screening", caseId)).contains("trace=" + request.context().traceId())
                .contains("case=" + caseId);
    }

    @Test
    void publishesEntriesOfDocumentsWrittenBeforeTheyKeptATraceparent() {
        String caseId = newCaseId();
        Screening screening = new Screening(caseId);
        screening.rescreen(Instant.now());
        relay.pause();
        try {
            store.insert(screening);
            mongo.getCollection("screenings").updateOne(new Document("_id", caseId), new Document("$unset", new Document("outbox.0.traceparent", "")));
            assertThat(mongo.findById(caseId, Document.class, "screenings").getList("outbox", Document.class).get(0))
                    .doesNotContainKey("traceparent");
        } finally {
            relay.resume();
        }

        ConsumerRecord<String, byte[]> published = awaitPublished(caseId);
        assertThat(EventCodec.read(published.value()).subject()).isEqualTo(caseId);
        assertThat(TopicProbe.header(published, "traceparent")).matches(TRACEPARENT);
    }

    @Test
    void continuesTheTraceOfAnHttpRequestIntoTheEventsItRaisedAndNamesTheCaseInItsLogs(CapturedOutput output) throws Exception {
        String caseId = newCaseId();
        String traceId = randomHex(16);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/screenings/" + caseId))
                .header("Authorization", TestTokens.bearer(TestTokens.coordinator()))
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);

        assertThat(traceIdOf(awaitPublished(caseId))).isEqualTo(traceId);
        assertThat(logLine(output, "Screening requested", caseId)).contains("trace=" + traceId).contains("case=" + caseId);
    }

    @Test
    void countsPendingOutboxEntriesNotDocuments() {
        String caseId = newCaseId();
        relay.pause();
        try {
            double before = gauge("passerelle.outbox.pending");
            Screening screening = new Screening(caseId);
            screening.rescreen(Instant.now());
            screening.rescreen(Instant.now());
            store.insert(screening);
            assertThat(gauge("passerelle.outbox.pending")).isGreaterThanOrEqualTo(before + 2);
        } finally {
            relay.resume();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> recordsFor(caseId).size() == 2);
    }

    @Test
    void exposesThePlatformMetricsUnderTheirNamesWithoutAnyCaseId() {
        String caseId = newCaseId();
        TopicProbe.send(kafka, Topics.INTAKE, caseId, EventCodec.write(caseOpened(caseId)));
        TopicProbe.send(kafka, Topics.INTAKE, caseId, ("{not json").getBytes(StandardCharsets.UTF_8));
        TopicProbe.send(kafka, Topics.INTAKE, caseId, EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(),
                "/passerelle/intake-service", Instant.now(), 2, GoldenSamples.payload(EventCatalog.SYMPTOMS_REPORTED))));
        stages.entered("assessment");
        stages.left("assessment", Duration.ofHours(30));
        stages.slaBreached("assessment");
        awaitPublished(caseId);
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.find("passerelle.dead.letters").tag("topic", Topics.INTAKE)
                .tag("reason", "invalid-event").counter() != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.find("passerelle.events.consumed").tag("outcome", "ignored")
                .tag("type", EventCatalog.SYMPTOMS_REPORTED.name()).counter() != null);

        String scrape = prometheus.scrape();
        assertThat(scrape).contains("passerelle_outbox_pending ", "passerelle_outbox_published_total ",
                "passerelle_events_consumed_total{", "outcome=\"applied\"", "outcome=\"ignored\"",
                "passerelle_dead_letters_total{reason=\"invalid-event\",topic=\"" + Topics.INTAKE + "\"}",
                "passerelle_case_stage_entered_total{stage=\"assessment\"} 1",
                "passerelle_case_stage_duration_seconds_bucket{stage=\"assessment\",le=",
                "passerelle_case_stage_duration_seconds_count{stage=\"assessment\"} 1",
                "passerelle_case_sla_breaches_total{stage=\"assessment\"} 1");
        List<String> platformSeries = scrape.lines().filter(line -> line.startsWith("passerelle_")).toList();
        assertThat(platformSeries).isNotEmpty().noneMatch(line -> line.contains(caseId))
                .noneMatch(line -> Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}").matcher(line).find());
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private ConsumerRecord<String, byte[]> awaitPublished(String caseId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !recordsFor(caseId).isEmpty());
        return recordsFor(caseId).get(0);
    }

    private List<ConsumerRecord<String, byte[]>> recordsFor(String caseId) {
        return TopicProbe.readAll(kafka, Topics.ASSESSMENT, record -> caseId.equals(record.key()));
    }

    private static String logLine(CapturedOutput output, String message, String caseId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().lines()
                .anyMatch(line -> line.contains(message) && line.contains(caseId)));
        return output.getAll().lines().filter(line -> line.contains(message) && line.contains(caseId)).findFirst().orElseThrow();
    }

    private static String traceIdOf(ConsumerRecord<?, ?> record) {
        var matcher = TRACEPARENT.matcher(TopicProbe.header(record, "traceparent"));
        assertThat(matcher.matches()).as("traceparent header").isTrue();
        return matcher.group(1);
    }

    private static String parentSpanIdOf(ConsumerRecord<?, ?> record) {
        var matcher = TRACEPARENT.matcher(TopicProbe.header(record, "traceparent"));
        assertThat(matcher.matches()).as("traceparent header").isTrue();
        return matcher.group(2);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }

    private static EventEnvelope caseOpened(String caseId) {
        CaseOpened sample = GoldenSamples.payload(EventCatalog.CASE_OPENED);
        CaseOpened opened = new CaseOpened(caseId, sample.clinicId(), sample.openedAt(), sample.diagnosisCode(), sample.ageYears(),
                sample.homeRegion(), sample.preferredLanguage(), sample.priorSurgeries(), sample.symptoms(), sample.redFlags(),
                sample.imaging(), sample.conservativeCare(), sample.consents());
        return EventCodec.envelope(UUID.randomUUID().toString(), "/passerelle/intake-service", Instant.now(), 1, opened);
    }

    private static String newCaseId() {
        return "c-" + UUID.randomUUID();
    }
}
