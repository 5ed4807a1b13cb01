package ca.passerelle.platform.health;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

/**
 * The consumer bindings stopped because their handler threw an {@link Error} ({@link HandlerErrorGuard}), with the
 * error's class. Halting a binding stops it through Spring Cloud Stream's lifecycle (as the actuator {@code bindings}
 * endpoint would), on another thread: the event being handled is dead-lettered and the rest of the current poll handled
 * first, then nothing more is consumed. Starting the binding again (a restart, or the bindings endpoint) clears it.
 */
public class ConsumerHalts {

    private static final Logger log = LoggerFactory.getLogger(ConsumerHalts.class);

    private final ObjectProvider<BindingsLifecycleController> lifecycle;
    private final Map<String, String> halted = new ConcurrentHashMap<>();

    public ConsumerHalts(ObjectProvider<BindingsLifecycleController> lifecycle) {
        this.lifecycle = lifecycle;
    }

    void halt(String binding, Error error) {
        if (halted.putIfAbsent(binding, error.getClass().getName()) != null) {
            return;
        }
        log.error("Consumer binding {} is stopping: its handler threw {} (the event is dead-lettered; restart the service once fixed)",
                binding, error.getClass().getName());
        Thread stopper = new Thread(() -> {
            try {
                BindingsLifecycleController controller = lifecycle.getIfAvailable();
                if (controller != null) {
                    controller.changeState(binding, BindingsLifecycleController.State.STOPPED);
                }
            } catch (RuntimeException e) {
                log.error("Could not stop consumer binding {}: {}", binding, e.toString());
            }
        }, "passerelle-halt-" + binding);
        stopper.setDaemon(true);
        stopper.start();
    }

    /** The class of the {@link Error} that stopped this binding, if one did. */
    public Optional<String> haltedBy(String binding) {
        return Optional.ofNullable(halted.get(binding));
    }

    void started(String binding) {
        halted.remove(binding);
    }
}
