package ca.passerelle.platform.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.messaging.Message;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.EventType;
import io.micrometer.core.instrument.Metrics;

/**
 * The body of a thin listener: reads the event, hands the typed payload to the one handler registered for its type, and
 * ignores (tolerantly) the types this consumer does not need. An invalid record throws
 * {@link ca.passerelle.events.InvalidEventException}, which is never retried and goes to the dead-letter topic.
 *
 * <p>While a case event is handled, its case id (the CloudEvent subject) is in the logging MDC as {@value #CASE_ID}, so
 * every log line of the handling names the case (and, with tracing, the trace it belongs to); one INFO line (type and
 * event id, never the payload) says which event is handled. An event of a type this consumer does not handle counts in
 * {@code passerelle.events.consumed} with {@code outcome=ignored}.
 */
public final class EventRouter implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EventRouter.class);

    /** The MDC key of the case id, also set on HTTP requests with a {@code {caseId}} path variable. */
    public static final String CASE_ID = "caseId";

    private final Map<String, Handler<?>> handlers;

    private EventRouter(Map<String, Handler<?>> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void accept(Message<byte[]> message) {
        EventEnvelope envelope = EventMessages.read(message);
        Optional<EventType<?>> known = EventCatalog.byName(envelope.type());
        boolean caseEvent = known.map(type -> CasePayload.class.isAssignableFrom(type.payloadType())).orElse(false);
        String previousCaseId = MDC.get(CASE_ID);
        if (caseEvent && envelope.subject() != null) {
            MDC.put(CASE_ID, envelope.subject());
        }
        try {
            Handler<?> handler = handlers.get(envelope.type());
            if (handler == null) {
                log.debug("Ignoring {} {}: not handled here", envelope.type(), envelope.id());
                // Only catalogue names as tag values: a foreign producer's types must not grow the tag's cardinality.
                Metrics.counter("passerelle.events.consumed", "type", known.isPresent() ? envelope.type() : "unknown",
                        "outcome", "ignored").increment();
                return;
            }
            log.info("Handling {} {}", envelope.type(), envelope.id());
            handler.handle(envelope);
        } finally {
            if (previousCaseId == null) {
                MDC.remove(CASE_ID);
            } else {
                MDC.put(CASE_ID, previousCaseId);
            }
        }
    }

    private record Handler<T>(EventType<T> type, BiConsumer<EventEnvelope, T> action) {

        void handle(EventEnvelope envelope) {
            action.accept(envelope, EventCodec.payload(envelope, type));
        }
    }

    public static final class Builder {

        private final Map<String, Handler<?>> handlers = new HashMap<>();

        public <T> Builder on(EventType<T> type, BiConsumer<EventEnvelope, T> action) {
            if (handlers.putIfAbsent(type.name(), new Handler<>(type, action)) != null) {
                throw new IllegalStateException("Two handlers for " + type.name());
            }
            return this;
        }

        public EventRouter build() {
            return new EventRouter(handlers);
        }
    }
}
