package ca.passerelle.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.GoldenSamples;
import tools.jackson.databind.node.ObjectNode;

/**
 * P3 records: real structured CloudEvents. The ingress, in intake-service's place, publishes the golden CaseOpened (v2)
 * with a fresh event id, case id {@code case-<phase>-<n>} and the intended send time as the event time; each hop raises
 * its event at the time of the event it consumed, so the end of the chain reads the origin's time in the envelope.
 */
final class CloudEventCodec implements ChainCodec {

    private static final byte[] CONTENT_TYPE = EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);
    private final EventEnvelope sample = GoldenSamples.envelope(EventCatalog.CASE_OPENED);

    @Override
    public ProducerRecord<byte[], byte[]> record(String topic, Phase phase, long index, long intendedMicros) {
        String caseId = "case-" + phase.marker + "-" + index;
        ObjectNode data = (ObjectNode) sample.data().deepCopy();
        data.put("caseId", caseId);
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), "/passerelle/bench-ingress",
                sample.type(), Micros.toInstant(intendedMicros), caseId, EventEnvelope.DATA_CONTENT_TYPE, 1, data);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, caseId.getBytes(StandardCharsets.UTF_8), EventCodec.write(envelope));
        record.headers().add("content-type", CONTENT_TYPE);
        return record;
    }

    @Override
    public Stamp read(ConsumerRecord<byte[], byte[]> record) {
        EventEnvelope envelope = EventCodec.read(record.value());
        String subject = envelope.subject();
        return new Stamp(Phase.ofMarker(subject.charAt("case-".length())), Micros.of(envelope.time()));
    }

    int ingressBytes() {
        return record("t", Phase.BLAST, 0, Micros.now()).value().length;
    }
}
