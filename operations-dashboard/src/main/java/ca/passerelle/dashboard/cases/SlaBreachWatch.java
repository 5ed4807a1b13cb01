package ca.passerelle.dashboard.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Counts each case's first breach of a stage's SLA once ({@code passerelle.case.sla.breaches{stage}}), whatever the
 * number of instances, duplicate deliveries or checks: on each run it reads the open cases past their stage's limit
 * (the same windows as the {@code BREACHED} filter), leaves out those already counted, and counts a breach only when
 * its claim in {@link SlaBreaches} (unique per case and stage) succeeds. Nothing runs while rebuilding.
 */
@Component
public class SlaBreachWatch {

    private static final int BATCH = 500;

    private final CaseSummaryService cases;
    private final CaseSummaries summaries;
    private final SlaBreaches breaches;
    private final StageClock stageClock;

    SlaBreachWatch(CaseSummaryService cases, CaseSummaries summaries, SlaBreaches breaches, StageClock stageClock) {
        this.cases = cases;
        this.summaries = summaries;
        this.breaches = breaches;
        this.stageClock = stageClock;
    }

    /** One check; answers how many breaches it counted. */
    public int check() {
        if (!stageClock.live()) {
            return 0;
        }
        List<StageVisit> breached = summaries.visits(cases.windows(SlaState.BREACHED));
        int counted = 0;
        for (int from = 0; from < breached.size(); from += BATCH) {
            List<StageVisit> batch = breached.subList(from, Math.min(breached.size(), from + BATCH));
            Set<String> known = breaches.alreadyCounted(batch);
            List<StageVisit> fresh = new ArrayList<>();
            batch.stream().filter(visit -> !known.contains(SlaBreaches.key(visit))).forEach(fresh::add);
            for (StageVisit visit : fresh) {
                if (breaches.claim(visit)) {
                    stageClock.slaBreached(visit.stage());
                    counted++;
                }
            }
        }
        return counted;
    }
}
