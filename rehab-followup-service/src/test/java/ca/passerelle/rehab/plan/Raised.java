package ca.passerelle.rehab.plan;

import java.util.List;

import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.EventType;
import ca.passerelle.platform.messaging.OutboxEntry;

/** Reads the events a plan raised (its outbox) back as typed payloads. */
final class Raised {

    private Raised() {
    }

    static <T> List<T> of(RehabPlan plan, EventType<T> type) {
        return plan.pendingEvents().stream()
                .filter(entry -> entry.type().equals(type.name()))
                .map(entry -> EventCodec.payload(envelope(entry), type))
                .toList();
    }

    static EventEnvelope envelope(OutboxEntry entry) {
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, entry.eventId(), "/passerelle/rehab-followup-service", entry.type(),
                entry.time(), entry.subject(), EventEnvelope.DATA_CONTENT_TYPE, entry.sequence(),
                EventCodec.mapper().readTree(entry.data()));
    }
}
