package ca.passerelle.events.travel;

import java.time.Instant;
import java.time.LocalDate;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/**
 * Emitted by travel-coordination-service when a slot is held at a partner hospital and the hospital is asked to confirm.
 *
 * @param confirmBy when the hold is released and the next option offered if the hospital has not answered
 */
public record SurgerySlotHeld(String caseId, String hospitalId, String appointmentId, LocalDate surgeryOn, Instant heldAt,
        Instant confirmBy) implements CasePayload {

    public SurgerySlotHeld {
        Contract.requireText(caseId, "caseId");
        Contract.requireText(hospitalId, "hospitalId");
        Contract.requireText(appointmentId, "appointmentId");
        Contract.require(surgeryOn, "surgeryOn");
        Contract.require(heldAt, "heldAt");
        Contract.require(confirmBy, "confirmBy");
    }
}
