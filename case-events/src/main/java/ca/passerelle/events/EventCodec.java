package ca.passerelle.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes Passerelle events as structured-mode CloudEvents. Readers are tolerant: unknown attributes and
 * payload fields are ignored, unknown enum codes read as the enum's declared default. Anything unreadable or invalid
 * is an {@link InvalidEventException} naming the reason.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private EventCodec() {
    }

    /** The mapper every Passerelle event goes through, for the rare caller that needs a tree. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Wraps a payload in a new envelope; the type and subject come from the catalog. */
    public static <T> EventEnvelope envelope(String id, String source, Instant time, long sequence, T payload) {
        EventType<T> type = EventCatalog.forPayload(payload);
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, id, source, type.name(), time, type.subject(payload),
                EventEnvelope.DATA_CONTENT_TYPE, sequence, MAPPER.valueToTree(payload));
    }

    public static byte[] write(EventEnvelope envelope) {
        return MAPPER.writeValueAsBytes(envelope);
    }

    public static String writeString(EventEnvelope envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    /** Reads a structured-mode CloudEvent; checks the envelope and that its type is known and its payload valid. */
    public static EventEnvelope read(byte[] json) {
        if (json == null || json.length == 0) {
            throw new InvalidEventException("empty record: expected a CloudEvents JSON object");
        }
        EventEnvelope envelope;
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new InvalidEventException("not a JSON object: expected a CloudEvents JSON object");
            }
            envelope = MAPPER.treeToValue(tree, EventEnvelope.class);
        } catch (JacksonException e) {
            throw new InvalidEventException("unreadable event: " + reason(e), e);
        }
        payload(envelope);
        return envelope;
    }

    public static EventEnvelope read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The typed payload of a known event type, validated by its record. */
    public static Object payload(EventEnvelope envelope) {
        EventType<?> type = EventCatalog.byName(envelope.type())
                .orElseThrow(() -> new InvalidEventException("unknown event type " + envelope.type()));
        return payload(envelope, type);
    }

    public static <T> T payload(EventEnvelope envelope, EventType<T> type) {
        if (!type.name().equals(envelope.type())) {
            throw new InvalidEventException("expected type " + type.name() + " but was " + envelope.type());
        }
        try {
            T payload = MAPPER.treeToValue(envelope.data(), type.payloadType());
            if (!envelope.subject().equals(type.subject(payload))) {
                throw new InvalidEventException("subject " + envelope.subject() + " does not match the payload of " + type.name());
            }
            return payload;
        } catch (JacksonException e) {
            throw new InvalidEventException("invalid " + type.name() + " payload: " + reason(e), e);
        }
    }

    private static String reason(JacksonException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof IllegalArgumentException || root instanceof NullPointerException
                ? root.getMessage() : e.getOriginalMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
