package ca.passerelle.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import ca.passerelle.events.Topics;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;

/** Where an event this service could not process goes: {@code <topic>.<consumer group>.dlq}, one partition, with the reason in its headers. */
final class DeadLetters {

    private DeadLetters() {
    }

    static DlqDestinationResolver destination(String group) {
        return (ConsumerRecord<?, ?> record, Exception exception) -> Topics.deadLetter(record.topic(), group);
    }

    static DlqPartitionFunction singlePartition() {
        return DlqPartitionFunction.PARTITION_ZERO;
    }
}
