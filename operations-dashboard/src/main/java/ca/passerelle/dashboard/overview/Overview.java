package ca.passerelle.dashboard.overview;

import java.util.List;
import java.util.Map;

import ca.passerelle.dashboard.cases.CaseSummary;
import ca.passerelle.dashboard.cases.Stage;
import ca.passerelle.dashboard.cases.TerminalReason;
import ca.passerelle.dashboard.facility.FacilityStatus;

/**
 * What the overview shows.
 *
 * @param byStage open and closed cases per stage, in pathway order
 * @param widest the largest stage count, to scale the funnel bars (at least 1)
 */
public record Overview(
        Map<Stage, Long> byStage,
        long totalCases,
        long widest,
        Map<TerminalReason, Long> terminal,
        long deadLetters,
        List<FacilityStatus> dependencies,
        List<CaseSummary> recent) {

    /** The width of a stage's bar in percent of the widest stage. */
    public long barPercent(Stage stage) {
        return Math.round(100.0 * byStage.getOrDefault(stage, 0L) / widest);
    }
}
