package ca.passerelle.dashboard.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Time in stage against the stage's limit, on the injected clock. */
@Component
public class SlaPolicy {

    private final SlaProperties properties;
    private final Clock clock;

    public SlaPolicy(SlaProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public Map<Stage, Duration> limits() {
        return properties.limits();
    }

    public Optional<Duration> limit(Stage stage) {
        return Optional.ofNullable(stage == null ? null : properties.limits().get(stage));
    }

    /** The time from which a case of this stage is at risk: it entered the stage before {@code now - share × limit}. */
    public Instant atRiskBefore(Duration limit, Instant now) {
        return now.minusMillis((long) (limit.toMillis() * properties.atRiskShare()));
    }

    /** Whole days the case has spent in its current stage (0 when unknown or closed). */
    public long daysInStage(CaseSummary summary) {
        if (summary.stageSince() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(summary.stageSince(), now()).toDays());
    }

    /** The SLA state of an open case; a closed case or a stage without a limit is {@link SlaState#OK}. */
    public SlaState state(CaseSummary summary) {
        return state(summary.stage(), summary.stageSince(), summary.terminal());
    }

    SlaState state(Stage stage, Instant since, boolean terminal) {
        Optional<Duration> limit = limit(stage);
        if (terminal || since == null || limit.isEmpty()) {
            return SlaState.OK;
        }
        Instant now = now();
        if (since.isBefore(now.minus(limit.get()))) {
            return SlaState.BREACHED;
        }
        if (since.isBefore(atRiskBefore(limit.get(), now))) {
            return SlaState.AT_RISK;
        }
        return SlaState.OK;
    }
}
