package ca.passerelle.events.travel;

import java.time.Instant;
import java.time.LocalDate;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;
import ca.passerelle.events.assessment.SurgicalCategory;

/** Emitted by travel-coordination-service when the partner hospital confirmed the held slot: the surgery date is fixed. */
public record SurgeryScheduled(
        String caseId,
        String hospitalId,
        String appointmentId,
        SurgicalCategory category,
        LocalDate preOpConsultationOn,
        LocalDate surgeryOn,
        LocalDate fitToFlyOn,
        Instant scheduledAt) implements CasePayload {

    public SurgeryScheduled {
        Contract.requireText(caseId, "caseId");
        Contract.requireText(hospitalId, "hospitalId");
        Contract.requireText(appointmentId, "appointmentId");
        Contract.require(category, "category");
        Contract.require(surgeryOn, "surgeryOn");
        Contract.require(scheduledAt, "scheduledAt");
    }
}
