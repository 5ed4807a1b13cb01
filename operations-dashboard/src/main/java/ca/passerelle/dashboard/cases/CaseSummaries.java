package ca.passerelle.dashboard.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import ca.passerelle.events.rehab.AlertSeverity;

/** Reads of the case summaries (writes go through the platform's aggregate store). */
public interface CaseSummaries {

    Optional<CaseSummary> find(String caseId);

    /**
     * A page of summaries without their facts, most recently moved first.
     *
     * @param slaWindows when the search filters on an SLA state: the union of stage windows that make it
     */
    CasePage search(CaseSearch search, List<StageWindow> slaWindows);

    Map<Stage, Long> countByStage();

    Map<TerminalReason, Long> countTerminalByReason();

    /** How many open cases lie in the union of these windows. */
    long count(List<StageWindow> windows);

    /** The open cases in the union of these windows, as case, stage and since when (nothing else read). */
    List<StageVisit> visits(List<StageWindow> windows);

    /** Open alerts per severity over all cases. */
    Map<AlertSeverity, Long> openAlertsBySeverity();

    /** The first cases of a queue, without their facts, and how many it holds. */
    CasePage queue(WorkQueue queue, int limit);

    /** The most recently moved cases, without their facts. */
    List<CaseSummary> recent(int limit);

    /** Removes every summary (the rebuild starts from an empty collection). */
    void deleteAll();
}
