package ca.passerelle.rehab.plan;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * The follow-up rules that are policy, not physiology.
 *
 * @param missedGrace how long after its due date an unreported checkpoint raises a MISSED_CHECKPOINT alert
 * @param reportWindow how far from a checkpoint's due date a report still answers it (either side)
 * @param improvementCheckpoint the checkpoint, counted from surgery, at which no clinically meaningful improvement raises
 *        NO_MEANINGFUL_IMPROVEMENT (3 months: the FBSS risk)
 * @param sweepInterval how often the sweep (missed checkpoints, phase changes, clinic assignment retries) runs
 * @param sweepLockAtMostFor how long a crashed instance may keep the sweep's lock
 * @param sweepLockAtLeastFor how long the lock is kept after a quick sweep, so that instances on the same rhythm do not
 *        sweep one after the other
 *        <p>
 *        {@code passerelle.rehab.follow-up.sweep-enabled=false} turns the schedule off (the sweep can still be run).
 */
@Validated
@ConfigurationProperties("passerelle.rehab.follow-up")
public record FollowUpProperties(
        @NotNull @DefaultValue("7d") Period missedGrace,
        @NotNull @DefaultValue("14d") Period reportWindow,
        @NotNull @DefaultValue("3m") Period improvementCheckpoint,
        @NotNull @DefaultValue("1m") Duration sweepInterval,
        @NotNull @DefaultValue("5m") Duration sweepLockAtMostFor,
        @NotNull @DefaultValue("20s") Duration sweepLockAtLeastFor) {

    private static final LocalDate REFERENCE = LocalDate.of(2000, 1, 1);

    public FollowUpProperties {
        if (missedGrace != null && REFERENCE.plus(missedGrace).isBefore(REFERENCE)) {
            throw new IllegalArgumentException("passerelle.rehab.follow-up.missed-grace must not be negative");
        }
        if (reportWindow != null && REFERENCE.plus(reportWindow).isBefore(REFERENCE)) {
            throw new IllegalArgumentException("passerelle.rehab.follow-up.report-window must not be negative");
        }
        if (sweepInterval != null && (sweepInterval.isNegative() || sweepInterval.isZero())) {
            throw new IllegalArgumentException("passerelle.rehab.follow-up.sweep-interval must be positive");
        }
        if (sweepLockAtMostFor != null && sweepLockAtLeastFor != null && sweepLockAtLeastFor.compareTo(sweepLockAtMostFor) > 0) {
            throw new IllegalArgumentException("sweep-lock-at-least-for must not exceed sweep-lock-at-most-for");
        }
    }

    public static FollowUpProperties defaults() {
        return new FollowUpProperties(Period.ofDays(7), Period.ofDays(14), Period.ofMonths(3), Duration.ofMinutes(1),
                Duration.ofMinutes(5), Duration.ofSeconds(20));
    }
}
