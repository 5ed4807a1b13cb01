package ca.passerelle.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.ProducerListener;

/**
 * Kafka records are logged by metadata only: Spring Kafka 4 has no {@code onlyLogRecordMetadata} switch any more, so
 * the platform pins the record formatters and replaces Boot's payload-logging producer listener.
 */
@ExtendWith(OutputCaptureExtension.class)
class KafkaRecordLoggingTest {

    private static final String CANARY = "CANARY-Gagnon-RAMQ-GAGM12345678";

    private final ApplicationContextRunner context = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            KafkaLoggingConfiguration.class, org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration.class));

    @Test
    void formatsConsumedAndProducedRecordsByTopicPartitionAndOffsetOnly() {
        KafkaRecordLogging.enforce();

        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>("passerelle.intake.v1", 2, 42L, CANARY, payload());
        consumed.headers().add(new RecordHeader("x-note", payload()));
        ProducerRecord<String, byte[]> produced = new ProducerRecord<>("passerelle.intake.v1", 1, CANARY, payload());

        assertThat(KafkaUtils.format(consumed)).isEqualTo("passerelle.intake.v1-2@42");
        assertThat(KafkaUtils.format(produced)).isEqualTo("passerelle.intake.v1-1").doesNotContain(CANARY);
        assertThat(KafkaUtils.format(new ProducerRecord<>("t", CANARY, payload()))).isEqualTo("t-?");
    }

    @Test
    void replacesBootsProducerListenerWithOneThatLogsNoKeyOrPayload(CapturedOutput output) {
        context.run(run -> {
            assertThat(run).hasSingleBean(ProducerListener.class);
            @SuppressWarnings("unchecked")
            ProducerListener<Object, Object> listener = run.getBean(ProducerListener.class);
            listener.onError(new ProducerRecord<>("passerelle.intake.v1", 0, CANARY, new String(payload(), StandardCharsets.UTF_8)),
                    null, new RecordTooLargeException("too large"));
            assertThat(run).getBean("kafkaProducerListener").isSameAs(listener);
        });

        assertThat(output).contains("Exception thrown when sending a message").contains("passerelle.intake.v1")
                .doesNotContain(CANARY);
    }

    @Test
    void givesEveryCallerAListenerThatLogsNoKeyOrPayload(CapturedOutput output) {
        ProducerListener<String, byte[]> listener = KafkaRecordLogging.producerListener();
        listener.onError(new ProducerRecord<>("passerelle.assessment.v1", 0, CANARY, payload()), null, new RecordTooLargeException("x"));

        assertThat(output).contains("passerelle.assessment.v1").doesNotContain(CANARY).doesNotContain("Tremblay");
    }

    private static byte[] payload() {
        return ("{\"name\":\"Tremblay " + CANARY + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
