package ca.passerelle.dashboard;

import java.time.Instant;
import java.util.UUID;

import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.EventType;
import ca.passerelle.events.GoldenSamples;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test fixture: the golden sample of any case event type, rebuilt for another case (and optionally another clinic) with a
 * fresh event id and the time the test chooses. Immutable: each {@code with…} returns a new builder.
 */
public final class CaseEvents {

    private final String caseId;
    private final String clinicId;

    private CaseEvents(String caseId, String clinicId) {
        this.caseId = caseId;
        this.clinicId = clinicId;
    }

    public static CaseEvents forCase(String caseId) {
        return new CaseEvents(caseId, null);
    }

    public static CaseEvents forNewCase() {
        return forCase(newCaseId());
    }

    public static String newCaseId() {
        return "c-" + UUID.randomUUID();
    }

    public CaseEvents withClinic(String clinic) {
        return new CaseEvents(caseId, clinic);
    }

    public String caseId() {
        return caseId;
    }

    /** The golden sample of this type for this case, at the sample's own time. */
    public EventEnvelope event(EventType<?> type) {
        return event(type, GoldenSamples.envelope(type).time());
    }

    /** The golden sample of this type for this case, at the given time. */
    public EventEnvelope event(EventType<?> type, Instant time) {
        EventEnvelope sample = GoldenSamples.envelope(type);
        ObjectNode data = (ObjectNode) sample.data().deepCopy();
        data.put("caseId", caseId);
        if (clinicId != null && data.has("clinicId")) {
            data.put("clinicId", clinicId);
        }
        Object payload = EventCodec.mapper().treeToValue(data, type.payloadType());
        return EventCodec.envelope(UUID.randomUUID().toString(), sample.source(), time, sample.sequence(), payload);
    }
}
