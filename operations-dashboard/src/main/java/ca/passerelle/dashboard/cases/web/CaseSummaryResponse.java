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

    /** A follow-up alert; {@code open} until acknowledged. */
    public record AlertResponse(String alertId, String kind, String severity, String reason, Instant raisedAt, boolean open,
            Instant acknowledgedAt, String acknowledgedBy) {

        static AlertResponse of(Alert alert) {
            return new AlertResponse(alert.alertId(), alert.kind() == null ? null : alert.kind().name(),
                    alert.severity() == null ? null : alert.severity().name(), alert.reason(), alert.raisedAt(), alert.open(),
                    alert.acknowledgedAt(), alert.acknowledgedBy());
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
