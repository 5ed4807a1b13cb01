package ca.passerelle.dashboard.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the case summaries (writes go through the platform's aggregate store). */
public interface CaseSummaries {

    Optional<CaseSummary> find(String caseId);

    /** A page of summaries without their timelines, most recently moved first. */
    CasePage search(CaseSearch search);

    Map<Stage, Long> countByStage();

    Map<TerminalReason, Long> countTerminalByReason();

    /** The most recently moved cases, without their timelines. */
    List<CaseSummary> recent(int limit);
}
