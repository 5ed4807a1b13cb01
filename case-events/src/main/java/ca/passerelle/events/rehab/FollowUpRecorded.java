package ca.passerelle.events.rehab;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.events.intake.Symptoms;

/**
 * Emitted by rehab-followup-service when the assigned clinic posts a follow-up report. Notes stay in the service.
 *
 * @param checkpointDueOn the checkpoint this report answers; null for a report between checkpoints
 */
public record FollowUpRecorded(
        String caseId,
        String reportId,
        LocalDate checkpointDueOn,
        LocalDate assessedOn,
        Symptoms symptoms,
        Progress progress,
        boolean complications,
        List<RedFlag> redFlags,
        Adherence adherence,
        Instant recordedAt) implements CasePayload {

    public FollowUpRecorded {
        Contract.requireText(caseId, "caseId");
        Contract.requireText(reportId, "reportId");
        Contract.require(assessedOn, "assessedOn");
        Contract.require(symptoms, "symptoms");
        Contract.require(progress, "progress");
        redFlags = Contract.listOrEmpty(redFlags);
        adherence = adherence == null ? Adherence.NOT_REPORTED : adherence;
        Contract.require(recordedAt, "recordedAt");
    }
}
