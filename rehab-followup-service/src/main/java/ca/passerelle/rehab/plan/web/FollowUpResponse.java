package ca.passerelle.rehab.plan.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.events.rehab.Adherence;
import ca.passerelle.events.rehab.Progress;
import ca.passerelle.rehab.plan.FollowUpReport;
import ca.passerelle.rehab.plan.FollowUpService;
import ca.passerelle.rehab.plan.OdiScore;

/** A follow-up report as the API answers it, with the server-side ODI score and band and the progress judged. */
record FollowUpResponse(
        String reportId,
        String caseId,
        LocalDate checkpointDueOn,
        LocalDate assessedOn,
        int painNrs,
        List<Integer> odiSectionScores,
        double odiPercent,
        String odiBand,
        boolean complications,
        List<RedFlag> redFlags,
        Adherence adherence,
        Progress progress,
        String notes,
        Instant recordedAt) {

    static FollowUpResponse from(String caseId, FollowUpService.ReadableReport readable) {
        FollowUpReport report = readable.report();
        return new FollowUpResponse(report.reportId(), caseId, report.checkpointDueOn(), report.assessedOn(), report.painNrs(),
                report.odiSectionScores(), report.odiPercent(), OdiScore.band(report.odiPercent()), report.complications(),
                report.redFlags(), report.adherence(), report.progress(), readable.notes(), report.recordedAt());
    }
}
