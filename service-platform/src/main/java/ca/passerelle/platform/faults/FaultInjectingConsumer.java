package ca.passerelle.platform.faults;

import java.time.Duration;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

import ca.passerelle.events.EventEnvelope;
import ca.passerelle.platform.messaging.EventMessages;

/**
 * Wraps an event consumer ({@link ca.passerelle.platform.messaging.EventRouter}) with the test-only faults of
 * {@link FaultInjectionProperties}: a pause before each event, and an {@link InjectedFaultError} for one event type.
 * A record that is not a readable event goes to the wrapped consumer unchanged (which dead-letters it).
 */
public final class FaultInjectingConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(FaultInjectingConsumer.class);

    private final Consumer<Message<byte[]>> delegate;
    private final FaultInjectionProperties faults;

    public FaultInjectingConsumer(Consumer<Message<byte[]>> delegate, FaultInjectionProperties faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public void accept(Message<byte[]> message) {
        if (faults.hasHandlerDelay()) {
            pause(faults.handlerDelay());
        }
        if (faults.hasErrorOnEventType()) {
            EventEnvelope envelope = readOrNull(message);
            if (envelope != null && faults.errorOnEventType().equals(envelope.type())) {
                log.warn("TEST-ONLY FAULT: throwing an Error for event {} of type {} (passerelle.faults.error-on-event-type)",
                        envelope.id(), envelope.type());
                throw new InjectedFaultError("test-only fault passerelle.faults.error-on-event-type: " + envelope.type() + " " + envelope.id());
            }
        }
        delegate.accept(message);
    }

    private static EventEnvelope readOrNull(Message<byte[]> message) {
        try {
            return EventMessages.read(message);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
