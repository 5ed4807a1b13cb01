package ca.passerelle.events.intake;

import java.time.Instant;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/** Emitted by intake-service when the clinic or a coordinator closes a case: a terminal state, every service stops. */
public record CaseClosed(String caseId, ClosureReason reason, Instant closedAt) implements CasePayload {

    public CaseClosed {
        Contract.requireText(caseId, "caseId");
        Contract.require(reason, "reason");
        Contract.require(closedAt, "closedAt");
    }
}
