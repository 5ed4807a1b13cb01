package ca.passerelle.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

/**
 * Kafka records are logged by their metadata only, never with key, headers or payload.
 *
 * <p>Spring Kafka 4 has no {@code ContainerProperties.onlyLogRecordMetadata} any more: every log line of the listener
 * containers and error handlers formats a record with {@link KafkaUtils#format(ConsumerRecord)}, whose default is
 * already {@code topic-partition@offset}. The producer side is not safe by default: {@link KafkaUtils#format(ProducerRecord)}
 * is {@code ProducerRecord.toString()} (key, headers and value), and a {@link LoggingProducerListener} logs key and
 * payload of a failed send. {@link #enforce()} pins both formatters to metadata, and {@link #producerListener()} is the
 * listener the platform gives the binder and the outbox relay.
 */
public final class KafkaRecordLogging {

    private KafkaRecordLogging() {
    }

    /** Sets the process-wide record formatters of Spring Kafka to metadata only; idempotent. */
    public static void enforce() {
        KafkaUtils.setConsumerRecordFormatter(KafkaRecordLogging::metadata);
        KafkaUtils.setProducerRecordFormatter(KafkaRecordLogging::metadata);
    }

    /** {@code topic-partition@offset}. */
    public static String metadata(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** {@code topic-partition}, the partition as {@code ?} until the partitioner chose one. */
    public static String metadata(ProducerRecord<?, ?> record) {
        return record.topic() + "-" + (record.partition() == null ? "?" : record.partition());
    }

    /** Logs a failed send with its topic and partition, without key or payload. */
    public static <K, V> ProducerListener<K, V> producerListener() {
        LoggingProducerListener<K, V> listener = new LoggingProducerListener<>();
        listener.setIncludeContents(false);
        return listener;
    }
}
