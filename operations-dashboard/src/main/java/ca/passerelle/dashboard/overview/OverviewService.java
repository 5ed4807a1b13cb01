package ca.passerelle.dashboard.overview;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import ca.passerelle.dashboard.DashboardProperties;
import ca.passerelle.dashboard.cases.CaseSummaryService;
import ca.passerelle.dashboard.cases.Stage;
import ca.passerelle.dashboard.cases.WorkQueue;
import ca.passerelle.dashboard.deadletters.DeadLetterService;
import ca.passerelle.dashboard.facility.FacilityStatusService;

/** Gathers the overview from the case summaries, the dead letters and the dependency statuses. */
@Service
public class OverviewService {

    private final CaseSummaryService cases;
    private final DeadLetterService deadLetters;
    private final FacilityStatusService facilities;
    private final DashboardProperties properties;

    public OverviewService(CaseSummaryService cases, DeadLetterService deadLetters, FacilityStatusService facilities,
            DashboardProperties properties) {
        this.cases = cases;
        this.deadLetters = deadLetters;
        this.facilities = facilities;
        this.properties = properties;
    }

    public Overview overview() {
        Map<Stage, Long> byStage = cases.countByStage();
        long total = byStage.values().stream().mapToLong(Long::longValue).sum();
        long widest = Math.max(1, byStage.values().stream().mapToLong(Long::longValue).max().orElse(0));
        Map<WorkQueue, Long> queues = new EnumMap<>(WorkQueue.class);
        for (WorkQueue queue : WorkQueue.values()) {
            queues.put(queue, cases.queue(queue, 0).total());
        }
        return new Overview(byStage, total, widest, cases.countTerminal(), cases.countSla(), cases.openAlertsBySeverity(), queues,
                deadLetters.count(), facilities.all(), cases.recent(properties.recentCases()));
    }
}
