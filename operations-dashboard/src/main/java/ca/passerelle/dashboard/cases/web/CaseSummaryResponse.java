package ca.passerelle.dashboard.cases.web;

import java.time.Instant;
import java.util.List;

import ca.passerelle.dashboard.cases.CaseSummary;
import ca.passerelle.dashboard.cases.Stage;
import ca.passerelle.dashboard.cases.TerminalReason;

/** A case summary as the API shows it; {@code alerts} stays empty until alerts arrive (issue #9). */
public record CaseSummaryResponse(
        String caseId,
        Stage stage,
        String status,
        boolean terminal,
        TerminalReason terminalReason,
        String clinicId,
        String hospitalId,
        Instant openedAt,
        Instant lastEventAt,
        List<String> alerts) {

    static CaseSummaryResponse of(CaseSummary summary) {
        return new CaseSummaryResponse(summary.caseId(), summary.stage(), summary.status(), summary.terminal(),
                summary.terminalReason(), summary.clinicId(), summary.hospitalId(), summary.openedAt(), summary.lastEventAt(),
                List.of());
    }
}
