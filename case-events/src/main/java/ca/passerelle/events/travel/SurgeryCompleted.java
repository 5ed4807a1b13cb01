package ca.passerelle.events.travel;

import java.time.Instant;
import java.time.LocalDate;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;
import ca.passerelle.events.assessment.SurgicalCategory;

/** Emitted by travel-coordination-service when the partner hospital reports the surgery done; rehabilitation follow-up starts. */
public record SurgeryCompleted(
        String caseId,
        String hospitalId,
        String appointmentId,
        SurgicalCategory category,
        LocalDate performedOn,
        LocalDate dischargedOn,
        SurgeryOutcome outcome,
        Instant reportedAt) implements CasePayload {

    public SurgeryCompleted {
        Contract.requireText(caseId, "caseId");
        Contract.requireText(hospitalId, "hospitalId");
        Contract.require(category, "category");
        Contract.require(performedOn, "performedOn");
        Contract.require(outcome, "outcome");
        Contract.require(reportedAt, "reportedAt");
    }
}
