package ca.passerelle.rehab.plan;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Runs {@link FollowUpService#sweep} under a cluster-wide lock (ShedLock, one MongoDB document per lock), so that of
 * several instances of the service only one sweeps at a time. The lock is what keeps the work single; the alert ids
 * derived from (case, checkpoint, kind) are what keep it idempotent should two sweeps ever follow one another. Domain
 * time comes from the injected {@link Clock}; the lock's own expiry is wall-clock time, as it must be across machines.
 * <p>
 * Each attempt counts in {@value #RUNS} with {@code outcome=swept} (this instance held the lock) or {@code outcome=skipped}
 * (another instance did): across instances, the skipped runs show the lock at work.
 */
public class FollowUpSweep {

    public static final String LOCK_NAME = "rehab-follow-up-sweep";
    public static final String RUNS = "passerelle.rehab.follow-up.sweeps";
    private static final Logger log = LoggerFactory.getLogger(FollowUpSweep.class);

    private final FollowUpService followUps;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final FollowUpProperties rules;
    private final Counter swept;
    private final Counter skipped;

    public FollowUpSweep(FollowUpService followUps, LockProvider lockProvider, Clock clock, FollowUpProperties rules, MeterRegistry meters) {
        this.followUps = followUps;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.clock = clock;
        this.rules = rules;
        this.swept = Counter.builder(RUNS).description("Follow-up sweep attempts, by whether this instance held the lock")
                .tag("outcome", "swept").register(meters);
        this.skipped = Counter.builder(RUNS).description("Follow-up sweep attempts, by whether this instance held the lock")
                .tag("outcome", "skipped").register(meters);
    }

    /** Sweeps if no other instance holds the lock; returns whether this instance swept. */
    public boolean runOnce() {
        LockConfiguration lock = new LockConfiguration(ClockProvider.now(), LOCK_NAME, rules.sweepLockAtMostFor(),
                rules.sweepLockAtLeastFor());
        try {
            LockingTaskExecutor.TaskResult<Integer> result = locks.executeWithLock(() -> followUps.sweep(clock.instant()), lock);
            (result.wasExecuted() ? swept : skipped).increment();
            if (result.wasExecuted() && result.getResult() != null && result.getResult() > 0) {
                log.info("Follow-up sweep changed {} plan(s)", result.getResult());
            }
            return result.wasExecuted();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Follow-up sweep failed", e);
        }
    }
}
