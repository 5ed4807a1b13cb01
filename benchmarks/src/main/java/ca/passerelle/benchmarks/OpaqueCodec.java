package ca.passerelle.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * P1 and P2 records: an opaque value of {@code size} bytes whose first 9 carry the intended send time and the phase,
 * keyed like a case ({@code case-<phase>-<n>}), so the no-op hops forward bytes they never look into.
 */
final class OpaqueCodec implements ChainCodec {

    private final int size;

    OpaqueCodec(int size) {
        this.size = size;
    }

    @Override
    public ProducerRecord<byte[], byte[]> record(String topic, Phase phase, long index, long intendedMicros) {
        byte[] value = new byte[size];
        ByteBuffer.wrap(value).putLong(intendedMicros).put((byte) phase.marker.charAt(0));
        for (int i = 9; i < size; i++) {
            value[i] = (byte) ('a' + (i % 26));
        }
        return new ProducerRecord<>(topic, ("case-" + phase.marker + "-" + index).getBytes(StandardCharsets.UTF_8), value);
    }

    @Override
    public Stamp read(ConsumerRecord<byte[], byte[]> record) {
        ByteBuffer value = ByteBuffer.wrap(record.value());
        long micros = value.getLong();
        return new Stamp(Phase.ofMarker((char) value.get()), micros);
    }
}
