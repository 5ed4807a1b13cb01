package ca.passerelle.dashboard.deadletters.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.MessageHeaders;

import ca.passerelle.dashboard.deadletters.DeadLetter;

class DeadLettersListenerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T16:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsTheRecordCoordinatesAndTheBinderDeadLetterHeaders() {
        Map<String, Object> headers = new HashMap<>();
        headers.put(KafkaHeaders.RECEIVED_TOPIC, "passerelle.intake.case-events.v1.assessment-service.dlq");
        headers.put(KafkaHeaders.RECEIVED_PARTITION, 0);
        headers.put(KafkaHeaders.OFFSET, 42L);
        headers.put(KafkaHeaders.RECEIVED_KEY, "c-1".getBytes(StandardCharsets.UTF_8));
        headers.put(KafkaHeaders.RECEIVED_TIMESTAMP, Instant.parse("2026-11-28T15:00:00Z").toEpochMilli());
        headers.put("x-exception-message", "invalid payload: clinicId is required".getBytes(StandardCharsets.UTF_8));
        headers.put("x-original-topic", "passerelle.intake.case-events.v1".getBytes(StandardCharsets.UTF_8));

        DeadLetter deadLetter = DeadLettersListener.deadLetter(new MessageHeaders(headers), CLOCK);

        assertThat(deadLetter.id()).isEqualTo("passerelle.intake.case-events.v1.assessment-service.dlq:0:42");
        assertThat(deadLetter.key()).isEqualTo("c-1");
        assertThat(deadLetter.reason()).isEqualTo("invalid payload: clinicId is required");
        assertThat(deadLetter.originalTopic()).isEqualTo("passerelle.intake.case-events.v1");
        assertThat(deadLetter.at()).isEqualTo(Instant.parse("2026-11-28T15:00:00Z"));
    }

    @Test
    void storesWhateverArrivesEvenWithoutDeadLetterHeaders() {
        Map<String, Object> headers = new HashMap<>();
        headers.put(KafkaHeaders.RECEIVED_TOPIC, "passerelle.travel.case-events.v1.rehab-followup-service.dlq");
        headers.put(KafkaHeaders.RECEIVED_PARTITION, 0);
        headers.put(KafkaHeaders.OFFSET, 7L);

        DeadLetter deadLetter = DeadLettersListener.deadLetter(new MessageHeaders(headers), CLOCK);

        assertThat(deadLetter.reason()).isNull();
        assertThat(deadLetter.key()).isNull();
        assertThat(deadLetter.originalTopic()).isNull();
        assertThat(deadLetter.at()).isEqualTo(CLOCK.instant());
    }

    @Test
    void understandsSpringKafkaDeadLetterHeadersToo() {
        Map<String, Object> headers = new HashMap<>();
        headers.put(KafkaHeaders.RECEIVED_TOPIC, "passerelle.rehab.case-events.v1.other.dlq");
        headers.put("kafka_dlt-exception-message", "boom".getBytes(StandardCharsets.UTF_8));
        headers.put("kafka_dlt-original-topic", "passerelle.rehab.case-events.v1".getBytes(StandardCharsets.UTF_8));

        DeadLetter deadLetter = DeadLettersListener.deadLetter(new MessageHeaders(headers), CLOCK);

        assertThat(deadLetter.reason()).isEqualTo("boom");
        assertThat(deadLetter.originalTopic()).isEqualTo("passerelle.rehab.case-events.v1");
    }
}
