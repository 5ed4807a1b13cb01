package ca.passerelle.events.assessment;

import java.time.Instant;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/** Emitted by assessment-service when the specialist finds the patient not a candidate: the case closes with this reason. */
public record SurgeryNotIndicated(String caseId, String reason, Instant decidedAt) implements CasePayload {

    public SurgeryNotIndicated {
        Contract.requireText(caseId, "caseId");
        Contract.requireText(reason, "reason");
        Contract.require(decidedAt, "decidedAt");
    }
}
