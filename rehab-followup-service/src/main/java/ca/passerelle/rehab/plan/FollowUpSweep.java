package ca.passerelle.rehab.plan;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
public class FollowUpSweep {

    public static final String LOCK_NAME = "rehab-follow-up-sweep";
    private static final Logger log = LoggerFactory.getLogger(FollowUpSweep.class);

    private final FollowUpService followUps;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final FollowUpProperties rules;

    public FollowUpSweep(FollowUpService followUps, LockProvider lockProvider, Clock clock, FollowUpProperties rules) {
        this.followUps = followUps;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.clock = clock;
        this.rules = rules;
    }

    /** Sweeps if no other instance holds the lock; returns whether this instance swept. */
    public boolean runOnce() {
        LockConfiguration lock = new LockConfiguration(ClockProvider.now(), LOCK_NAME, rules.sweepLockAtMostFor(),
                rules.sweepLockAtLeastFor());
        try {
            LockingTaskExecutor.TaskResult<Integer> result = locks.executeWithLock(() -> followUps.sweep(clock.instant()), lock);
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
