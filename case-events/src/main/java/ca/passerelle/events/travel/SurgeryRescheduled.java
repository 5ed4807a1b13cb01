package ca.passerelle.events.travel;

import java.time.Instant;
import java.time.LocalDate;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/** Emitted by travel-coordination-service when a booked surgery moves to a new date; the travel plan follows. */
public record SurgeryRescheduled(
        String caseId,
        String hospitalId,
        String appointmentId,
        LocalDate previousSurgeryOn,
        LocalDate surgeryOn,
        LocalDate fitToFlyOn,
        Initiator initiatedBy,
        Instant rescheduledAt) implements CasePayload {

    public SurgeryRescheduled {
        Contract.requireText(caseId, "caseId");
        Contract.requireText(hospitalId, "hospitalId");
        Contract.requireText(appointmentId, "appointmentId");
        Contract.require(previousSurgeryOn, "previousSurgeryOn");
        Contract.require(surgeryOn, "surgeryOn");
        Contract.require(initiatedBy, "initiatedBy");
        Contract.require(rescheduledAt, "rescheduledAt");
    }
}
