package ca.passerelle.events;

import java.time.Instant;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured mode: the attributes and the JSON payload travel together as the
 * Kafka record value, and the record key is the {@code subject} (the opaque case id for case events).
 *
 * @param specversion always {@value #SPEC_VERSION}
 * @param id unique per event; consumers de-duplicate on it
 * @param source the producing service, e.g. {@code /passerelle/intake-service}
 * @param type the stable logical type, e.g. {@code ca.passerelle.intake.case-opened.v1}
 * @param time when the fact happened
 * @param subject the case id (or, for non-case events, the thing the event is about)
 * @param datacontenttype always {@value #DATA_CONTENT_TYPE}
 * @param sequence CloudEvents {@code sequence} extension: strictly increasing per subject and source, starting at 1
 * @param data the payload, shaped by the type's record
 */
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String datacontenttype,
        long sequence,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** Content type of a structured-mode CloudEvent, carried in the Kafka {@code content-type} header. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

    public EventEnvelope {
        if (!SPEC_VERSION.equals(specversion)) {
            throw new IllegalArgumentException("specversion must be " + SPEC_VERSION + " but was " + specversion);
        }
        Contract.requireText(id, "id");
        Contract.requireText(source, "source");
        Contract.requireText(type, "type");
        Objects.requireNonNull(time, "time is required");
        Contract.requireText(subject, "subject");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be 1 or more but was " + sequence);
        }
        if (data == null || data.isNull() || data.isMissingNode()) {
            throw new IllegalArgumentException("data is required");
        }
        if (datacontenttype == null) {
            datacontenttype = DATA_CONTENT_TYPE;
        }
    }
}
