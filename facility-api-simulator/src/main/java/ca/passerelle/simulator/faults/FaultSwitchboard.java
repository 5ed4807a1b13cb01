package ca.passerelle.simulator.faults;

import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ca.passerelle.simulator.SimulatorProperties;

/**
 * The faults in force, changed at run time. Which calls fail under an error rate is drawn from a random source seeded
 * with {@code simulator.seed}, restarted on reset, so a run replays the same sequence.
 */
@Component
public class FaultSwitchboard {

    private static final Logger log = LoggerFactory.getLogger(FaultSwitchboard.class);

    private final long seed;
    private final AtomicReference<FaultSettings> settings = new AtomicReference<>(FaultSettings.NONE);
    private final AtomicReference<Random> random;

    public FaultSwitchboard(SimulatorProperties properties) {
        this.seed = properties.seed();
        this.random = new AtomicReference<>(new Random(seed));
    }

    public FaultSettings current() {
        return settings.get();
    }

    public FaultSettings change(FaultSettings next) {
        settings.set(next);
        log.warn("Faults now {}", next);
        return next;
    }

    public FaultSettings reset() {
        random.set(new Random(seed));
        settings.set(FaultSettings.NONE);
        log.info("Faults reset");
        return FaultSettings.NONE;
    }

    /** Draws whether this call is one of the failing fraction. */
    public boolean drawsError(FaultSettings faults) {
        return faults.errorRate() > 0.0 && random.get().nextDouble() < faults.errorRate();
    }

}
