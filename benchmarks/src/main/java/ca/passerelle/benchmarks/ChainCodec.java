package ca.passerelle.benchmarks;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** How a level's ingress writes a record and how its end of chain reads back the phase and the intended send time. */
interface ChainCodec {

    ProducerRecord<byte[], byte[]> record(String topic, Phase phase, long index, long intendedMicros);

    Stamp read(ConsumerRecord<byte[], byte[]> record);

    /** What the end of the chain needs from a record: its phase and when it was meant to be sent (epoch µs). */
    record Stamp(Phase phase, long intendedMicros) {
    }
}
