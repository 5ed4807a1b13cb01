package ca.passerelle.platform.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.EventType;

/**
 * The body of a thin listener: reads the event, hands the typed payload to the one handler registered for its type, and
 * ignores (tolerantly) the types this consumer does not need. An invalid record throws
 * {@link ca.passerelle.events.InvalidEventException}, which is never retried and goes to the dead-letter topic.
 */
public final class EventRouter implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EventRouter.class);

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
        Handler<?> handler = handlers.get(envelope.type());
        if (handler == null) {
            log.debug("Ignoring {} {}: not handled here", envelope.type(), envelope.id());
            return;
        }
        handler.handle(envelope);
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
