package ca.passerelle.platform.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Version;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventType;

/**
 * Base of every aggregate stored as one MongoDB document. The document carries, besides the domain state:
 * <ul>
 * <li>the events it raised and that are not yet published (the outbox), so state and events are written together;</li>
 * <li>the ids of the events it recently consumed, so applying the same event twice changes nothing;</li>
 * <li>an optimistic-locking version, so concurrent writers never overwrite each other.</li>
 * </ul>
 */
public abstract class AggregateDocument {

    /** How many consumed event ids a document remembers; far above the number of events one case receives. */
    static final int REMEMBERED_EVENT_IDS = 500;

    @Version
    private Long version;

    private long lastEventSequence;

    private List<OutboxEntry> outbox = new ArrayList<>();

    private List<String> consumedEventIds = new ArrayList<>();

    /** The W3C {@code traceparent} this document was first written in: the case's trace, for work started later. */
    private String caseTraceparent;

    /**
     * Records a new event in this document's outbox; it is published after the document is saved, in the trace of the
     * request or event being handled now (its W3C {@code traceparent} is kept with the entry).
     */
    protected final <T> void raise(T payload, Instant at) {
        EventType<T> type = EventCatalog.forPayload(payload);
        lastEventSequence++;
        keepCaseTrace();
        outbox.add(new OutboxEntry(UUID.randomUUID().toString(), type.name(), type.topic(), type.subject(payload),
                lastEventSequence, at, EventCodec.mapper().writeValueAsString(payload), TraceParents.current()));
    }

    final boolean hasConsumed(String eventId) {
        return consumedEventIds.contains(eventId);
    }

    final void markConsumed(String eventId) {
        keepCaseTrace();
        consumedEventIds.add(eventId);
        if (consumedEventIds.size() > REMEMBERED_EVENT_IDS) {
            consumedEventIds = new ArrayList<>(consumedEventIds.subList(consumedEventIds.size() - REMEMBERED_EVENT_IDS, consumedEventIds.size()));
        }
    }

    final void keepCaseTrace() {
        if (caseTraceparent == null) {
            caseTraceparent = TraceParents.current();
        }
    }

    /**
     * The {@code traceparent} of the request or event this document first consumed or raised an event in; null when
     * that happened outside any trace. Work started later on the case continues it ({@code CaseTraces}).
     */
    public String caseTraceparent() {
        return caseTraceparent;
    }

    public List<OutboxEntry> pendingEvents() {
        return Collections.unmodifiableList(outbox);
    }
}
