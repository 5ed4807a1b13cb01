package ca.passerelle.platform.messaging;

import java.time.Instant;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * An event waiting in its aggregate's document to be published. Written in the same single-document update as the
 * state change that produced it; removed only after the broker acknowledged it.
 *
 * @param data the payload as JSON, exactly as it will appear in the envelope
 * @param traceparent the W3C {@code traceparent} of the span in which the event was raised (an HTTP request, a consumed
 *        event), so that the relay publishes it in the same trace; null when it was raised outside any trace (and in
 *        documents written before it existed)
 */
public record OutboxEntry(String eventId, String type, String topic, String subject, long sequence, Instant time, String data,
        String traceparent) {

    @PersistenceCreator
    public OutboxEntry {
    }

    /** An entry raised outside any trace. */
    public OutboxEntry(String eventId, String type, String topic, String subject, long sequence, Instant time, String data) {
        this(eventId, type, topic, subject, sequence, time, data, null);
    }
}
