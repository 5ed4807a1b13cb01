package ca.passerelle.events;

import java.util.function.Function;

/**
 * A logical event type: its stable wire name, the record that shapes its payload, the topic it travels on,
 * and how to find its subject (the Kafka key) in a payload.
 */
public record EventType<T>(String name, Class<T> payloadType, String topic, Function<T, String> subjectOf) {

    public EventType {
        Contract.requireText(name, "name");
        Contract.require(payloadType, "payloadType");
        Contract.requireText(topic, "topic");
        Contract.require(subjectOf, "subjectOf");
    }

    public String subject(Object payload) {
        return subjectOf.apply(payloadType.cast(payload));
    }

    /** Case events are keyed by the opaque case id. */
    public static <T extends CasePayload> EventType<T> ofCase(String name, Class<T> payloadType, String topic) {
        return new EventType<>(name, payloadType, topic, CasePayload::caseId);
    }
}
