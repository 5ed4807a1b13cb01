package ca.passerelle.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.InvalidEventException;

/**
 * Reads a Passerelle event from a Kafka message in either CloudEvents mode: structured (the envelope is the record
 * value, as Passerelle publishes) or binary ({@code ce_*} headers and the payload as value, as other producers may send).
 */
public final class EventMessages {

    private EventMessages() {
    }

    public static EventEnvelope read(Message<?> message) {
        MessageHeaders headers = message.getHeaders();
        byte[] body = bytes(message.getPayload());
        if (header(headers, "id") == null) {
            return EventCodec.read(body);
        }
        try {
            String sequence = header(headers, "sequence");
            String time = header(headers, "time");
            EventEnvelope envelope = new EventEnvelope(header(headers, "specversion"), header(headers, "id"), header(headers, "source"),
                    header(headers, "type"), time == null ? null : Instant.parse(time), header(headers, "subject"),
                    EventEnvelope.DATA_CONTENT_TYPE, sequence == null ? 0 : Long.parseLong(sequence),
                    EventCodec.mapper().readTree(body));
            EventCodec.payload(envelope);
            return envelope;
        } catch (InvalidEventException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidEventException("invalid binary-mode CloudEvent: " + e.getMessage(), e);
        }
    }

    private static String header(MessageHeaders headers, String attribute) {
        for (String prefix : new String[] {"ce_", "ce-"}) {
            Object value = headers.get(prefix + attribute);
            if (value != null) {
                return value instanceof byte[] raw ? new String(raw, StandardCharsets.UTF_8) : value.toString();
            }
        }
        return null;
    }

    private static byte[] bytes(Object payload) {
        if (payload instanceof byte[] raw) {
            return raw;
        }
        if (payload instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new InvalidEventException("unexpected message payload of type " + payload.getClass().getSimpleName());
    }
}
