package ca.passerelle.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import ca.passerelle.events.InvalidEventException;
import ca.passerelle.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;

/**
 * Where an event this service could not process goes: {@code <topic>.<consumer group>.dlq}, one partition, with the reason in its headers.
 * Each record routed there counts in {@code passerelle.dead.letters}, tagged with the topic it was read from and
 * {@code reason} {@code invalid-event} (never retried) or {@code processing-failed} (retries exhausted).
 */
final class DeadLetters {

    private DeadLetters() {
    }

    static DlqDestinationResolver destination(String group, MeterRegistry meters) {
        return (ConsumerRecord<?, ?> record, Exception exception) -> {
            Counter.builder("passerelle.dead.letters").description("Records sent to this service's dead-letter topics")
                    .tag("topic", record.topic()).tag("reason", reason(exception)).register(meters).increment();
            return Topics.deadLetter(record.topic(), group);
        };
    }

    private static String reason(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidEventException) {
                return "invalid-event";
            }
        }
        return "processing-failed";
    }

    static DlqPartitionFunction singlePartition() {
        return DlqPartitionFunction.PARTITION_ZERO;
    }
}
