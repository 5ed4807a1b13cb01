package ca.passerelle.dashboard.cases.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ca.passerelle.dashboard.cases.Alert;
import ca.passerelle.dashboard.cases.Blocker;
import ca.passerelle.dashboard.cases.CaseSummary;
import ca.passerelle.dashboard.cases.SlaPolicy;
import ca.passerelle.dashboard.cases.SlaState;
import ca.passerelle.dashboard.cases.Stage;
import ca.passerelle.dashboard.cases.TerminalReason;
import ca.passerelle.events.rehab.RehabPhase;

/** A case summary as the API shows it. */
public record CaseSummaryResponse(
        String caseId,
        Stage stage,
        String status,
        Instant stageSince,
        long daysInStage,
        SlaState sla,
        boolean terminal,
        TerminalReason terminalReason,
        String terminalDetail,
        String clinicId,
        String hospitalId,
        Instant openedAt,
        Instant lastEventAt,
        LocalDate surgeryOn,
        RehabPhase rehabPhase,
        String travelStatus,
        int openAlerts,
        List<AlertResponse> alerts,
        List<Blocker> blockers) {

    /**
     * An alert; {@code open} until acknowledged. {@code kind} is the follow-up alert's kind, or {@code URGENT_REFERRAL}
     * for the dashboard's own urgent-referral alert (then {@code redFlags} lists the red-flag codes, and it is
     * acknowledged with {@code POST /api/cases/{caseId}/urgent-referral/acknowledge}).
     */
    public record AlertResponse(String alertId, String kind, String severity, String reason, Instant raisedAt, boolean open,
            Instant acknowledgedAt, String acknowledgedBy, List<String> redFlags) {

        static AlertResponse of(Alert alert) {
            String kind = alert.urgentReferral() ? "URGENT_REFERRAL" : alert.kind() == null ? null : alert.kind().name();
            return new AlertResponse(alert.alertId(), kind,
                    alert.severity() == null ? null : alert.severity().name(), alert.reason(), alert.raisedAt(), alert.open(),
                    alert.acknowledgedAt(), alert.acknowledgedBy(), alert.redFlags());
        }
    }

    static CaseSummaryResponse of(CaseSummary summary, SlaPolicy sla) {
        return new CaseSummaryResponse(summary.caseId(), summary.stage(), summary.status(), summary.stageSince(),
                sla.daysInStage(summary), sla.state(summary), summary.terminal(), summary.terminalReason(),
                summary.terminalDetail(), summary.clinicId(), summary.hospitalId(), summary.openedAt(), summary.lastEventAt(),
                summary.surgeryOn(), summary.rehabPhase(), summary.travelStatus(), summary.openAlertCount(),
                summary.alerts().stream().map(AlertResponse::of).toList(), summary.blockers());
    }
}
