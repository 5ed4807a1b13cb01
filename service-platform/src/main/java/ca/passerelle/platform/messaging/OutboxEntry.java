package ca.passerelle.platform.messaging;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document to be published. Written in the same single-document update as the
 * state change that produced it; removed only after the broker acknowledged it.
 *
 * @param data the payload as JSON, exactly as it will appear in the envelope
 */
public record OutboxEntry(String eventId, String type, String topic, String subject, long sequence, Instant time, String data) {
}
