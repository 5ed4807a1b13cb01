package ca.passerelle.dashboard.cases;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import ca.passerelle.platform.observability.CaseStageMetrics;

/**
 * The pathway's stage clock: the dashboard projects every case event and knows each case's stage, so it is where the
 * platform's stage metrics ({@link CaseStageMetrics}) are recorded — a case entering a stage, leaving the previous one
 * after the time between the two events, and breaching a stage's SLA ({@link SlaBreachWatch}). Only the live
 * projection records: the rebuild (profile {@value #REBUILD_PROFILE}) replays history that was counted when it happened.
 */
@Component
public class StageClock {

    static final String REBUILD_PROFILE = "rebuild";

    private final CaseStageMetrics metrics;
    private final boolean live;

    StageClock(CaseStageMetrics metrics, Environment environment) {
        this.metrics = metrics;
        this.live = !environment.matchesProfiles(REBUILD_PROFILE);
    }

    /** Whether this instance records (false while rebuilding the read model). */
    public boolean live() {
        return live;
    }

    void moved(StageChange change) {
        if (!live || change == null || !change.moved()) {
            return;
        }
        if (change.from() != null) {
            metrics.left(change.from(), change.timeInPreviousStage());
        }
        metrics.entered(change.to());
    }

    void slaBreached(Stage stage) {
        if (live) {
            metrics.slaBreached(stage);
        }
    }
}
