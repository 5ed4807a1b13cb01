package ca.passerelle.events.travel;

import java.time.Instant;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/**
 * Emitted by travel-coordination-service when the scheduling of a case is cancelled and everything it had done is undone
 * (holds released, hospital told, travel cancelled).
 *
 * @param hospitalId the hospital that had the slot or appointment; null when none was held yet
 * @param appointmentId null when none was held yet
 */
public record SurgeryCancelled(String caseId, String hospitalId, String appointmentId, CancellationReason reason,
        Initiator initiatedBy, Instant cancelledAt) implements CasePayload {

    public SurgeryCancelled {
        Contract.requireText(caseId, "caseId");
        Contract.require(reason, "reason");
        Contract.require(initiatedBy, "initiatedBy");
        Contract.require(cancelledAt, "cancelledAt");
    }
}
