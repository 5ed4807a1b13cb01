package ca.passerelle.dashboard.overview;

import java.util.List;
import java.util.Map;

import ca.passerelle.dashboard.cases.CaseSummary;
import ca.passerelle.dashboard.cases.SlaState;
import ca.passerelle.dashboard.cases.Stage;
import ca.passerelle.dashboard.cases.TerminalReason;
import ca.passerelle.dashboard.cases.WorkQueue;
import ca.passerelle.dashboard.facility.FacilityStatus;
import ca.passerelle.events.rehab.AlertSeverity;

/**
 * What the overview shows.
 *
 * @param byStage open and closed cases per stage, in pathway order
 * @param widest the largest stage count, to scale the funnel bars (at least 1)
 * @param sla open cases at risk and past their stage's limit
 * @param openAlerts open follow-up alerts per severity
 * @param queues how many cases wait in each work queue
 */
public record Overview(
        Map<Stage, Long> byStage,
        long totalCases,
        long widest,
        Map<TerminalReason, Long> terminal,
        Map<SlaState, Long> sla,
        Map<AlertSeverity, Long> openAlerts,
        Map<WorkQueue, Long> queues,
        long deadLetters,
        List<FacilityStatus> dependencies,
        List<CaseSummary> recent) {

    /** The width of a stage's bar in percent of the widest stage. */
    public long barPercent(Stage stage) {
        return Math.round(100.0 * byStage.getOrDefault(stage, 0L) / widest);
    }

    public long breaching() {
        return sla.getOrDefault(SlaState.BREACHED, 0L);
    }

    public long atRisk() {
        return sla.getOrDefault(SlaState.AT_RISK, 0L);
    }

    /** Red-flag cases whose urgent-referral alert waits for a coordinator's acknowledgement. */
    public long urgentReferrals() {
        return queues.getOrDefault(WorkQueue.URGENT_REFERRALS, 0L);
    }

    public long openAlertTotal() {
        return openAlerts.values().stream().mapToLong(Long::longValue).sum();
    }
}
