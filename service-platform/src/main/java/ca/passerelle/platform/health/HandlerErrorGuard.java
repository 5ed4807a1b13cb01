package ca.passerelle.platform.health;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.messaging.Message;

/**
 * Wraps every event consumer (each {@link ca.passerelle.platform.messaging.EventRouter} bean): an {@link Error} thrown
 * while handling an event stops the binding ({@link ConsumerHalts}: health {@code consumers.<binding>} DOWN, gauge
 * {@code passerelle.consumers.stopped} 1) and is rethrown as a {@link HandlerErrorException}, so the event is retried and
 * dead-lettered with its reason like any failed event, and nothing after it is consumed until the service restarts.
 */
public final class HandlerErrorGuard implements Consumer<Message<byte[]>> {

    private final Consumer<Message<byte[]>> delegate;
    private final String binding;
    private final Supplier<ConsumerHalts> halts;

    public HandlerErrorGuard(Consumer<Message<byte[]>> delegate, String binding, Supplier<ConsumerHalts> halts) {
        this.delegate = delegate;
        this.binding = binding;
        this.halts = halts;
    }

    @Override
    public void accept(Message<byte[]> message) {
        try {
            delegate.accept(message);
        } catch (Error error) {
            halts.get().halt(binding, error);
            throw new HandlerErrorException(binding, error);
        }
    }

    String binding() {
        return binding;
    }
}
