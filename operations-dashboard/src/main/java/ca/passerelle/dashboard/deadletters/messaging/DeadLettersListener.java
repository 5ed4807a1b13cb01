package ca.passerelle.dashboard.deadletters.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import ca.passerelle.dashboard.deadletters.DeadLetter;
import ca.passerelle.dashboard.deadletters.DeadLetterService;

/**
 * Binding {@code deadLetters}, subscribed to the pattern {@code passerelle\..*\.dlq}. A dead letter is by nature
 * something that may not parse: this listener never reads the value, only the record's coordinates and the headers the
 * dead-lettering consumer wrote, and stores whatever arrives.
 */
@Configuration(proxyBeanMethods = false)
class DeadLettersListener {

    static final String EXCEPTION_MESSAGE = "x-exception-message";
    static final String ORIGINAL_TOPIC = "x-original-topic";
    /** The names Spring Kafka's own dead-letter recoverer uses, for producers that dead-letter without the binder. */
    static final String DLT_EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    static final String DLT_ORIGINAL_TOPIC = "kafka_dlt-original-topic";

    @Bean
    Consumer<Message<byte[]>> deadLetters(DeadLetterService deadLetters, Clock clock) {
        return message -> deadLetters.record(deadLetter(message.getHeaders(), clock));
    }

    static DeadLetter deadLetter(MessageHeaders headers, Clock clock) {
        String topic = text(headers.get(KafkaHeaders.RECEIVED_TOPIC));
        Object partition = headers.get(KafkaHeaders.RECEIVED_PARTITION);
        Object offset = headers.get(KafkaHeaders.OFFSET);
        Object timestamp = headers.get(KafkaHeaders.RECEIVED_TIMESTAMP);
        return DeadLetter.of(topic == null ? "unknown" : topic,
                partition instanceof Number number ? number.intValue() : -1,
                offset instanceof Number number ? number.longValue() : -1,
                text(headers.get(KafkaHeaders.RECEIVED_KEY)),
                firstText(headers, EXCEPTION_MESSAGE, DLT_EXCEPTION_MESSAGE),
                firstText(headers, ORIGINAL_TOPIC, DLT_ORIGINAL_TOPIC),
                timestamp instanceof Number millis && millis.longValue() > 0 ? Instant.ofEpochMilli(millis.longValue()) : clock.instant());
    }

    private static String firstText(MessageHeaders headers, String... names) {
        for (String name : names) {
            String value = text(headers.get(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] raw ? new String(raw, StandardCharsets.UTF_8) : value.toString();
    }
}
