package ca.passerelle.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.support.MessageBuilder;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.intake.CaseOpened;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class EventRouterTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void namesTheCaseInTheLogContextWhileItsEventIsHandledOnly() {
        List<String> seen = new ArrayList<>();
        EventRouter router = EventRouter.builder().on(EventCatalog.CASE_OPENED, (event, opened) -> seen.add(MDC.get("caseId"))).build();
        CaseOpened opened = GoldenSamples.payload(EventCatalog.CASE_OPENED);

        router.accept(message(opened));

        assertThat(seen).containsExactly(opened.caseId());
        assertThat(MDC.get("caseId")).isNull();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void logsWhichEventItHandlesByTypeAndIdOnly(CapturedOutput output) {
        CaseOpened opened = GoldenSamples.payload(EventCatalog.CASE_OPENED);
        String eventId = UUID.randomUUID().toString();
        EventRouter router = EventRouter.builder().on(EventCatalog.CASE_OPENED, (event, payload) -> { }).build();

        router.accept(MessageBuilder.withPayload(EventCodec.write(EventCodec.envelope(eventId, "/passerelle/test", Instant.now(), 1, opened))).build());

        assertThat(output.getAll().lines().filter(line -> line.contains(eventId)))
                .singleElement().asString().contains("INFO").contains("Handling " + EventCatalog.CASE_OPENED.name() + " " + eventId)
                .doesNotContain(opened.clinicId());
    }

    @Test
    void restoresTheLogContextWhenTheHandlerFails() {
        MDC.put("caseId", "c-outer");
        EventRouter router = EventRouter.builder().on(EventCatalog.CASE_OPENED, (event, opened) -> {
            throw new IllegalStateException("boom");
        }).build();

        assertThatThrownBy(() -> router.accept(message(GoldenSamples.payload(EventCatalog.CASE_OPENED)))).hasMessage("boom");
        assertThat(MDC.get("caseId")).isEqualTo("c-outer");
    }

    @Test
    void neverTakesTheSubjectOfAnEventThatIsNotAboutACaseForACaseId() {
        List<String> seen = new ArrayList<>();
        EventRouter router = EventRouter.builder()
                .on(EventCatalog.FACILITY_API_STATUS_CHANGED, (event, status) -> seen.add(String.valueOf(MDC.get("caseId")))).build();

        router.accept(message(GoldenSamples.payload(EventCatalog.FACILITY_API_STATUS_CHANGED)));

        assertThat(seen).containsExactly("null");
    }

    @Test
    void countsTheEventsItDoesNotHandleAsIgnored() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Metrics.addRegistry(meters);
        try {
            EventRouter.builder().on(EventCatalog.FACILITY_API_STATUS_CHANGED, (event, status) -> { }).build()
                    .accept(message(GoldenSamples.payload(EventCatalog.CASE_OPENED)));

            assertThat(meters.get("passerelle.events.consumed").tag("type", EventCatalog.CASE_OPENED.name())
                    .tag("outcome", "ignored").counter().count()).isEqualTo(1);
        } finally {
            Metrics.removeRegistry(meters);
        }
    }

    private static org.springframework.messaging.Message<byte[]> message(Object payload) {
        return MessageBuilder.withPayload(EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(), "/passerelle/test",
                Instant.now(), 1, payload))).build();
    }
}
