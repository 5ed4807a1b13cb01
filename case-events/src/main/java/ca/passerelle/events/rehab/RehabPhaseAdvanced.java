package ca.passerelle.events.rehab;

import java.time.Instant;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/** Emitted by rehab-followup-service when a case moves to its next rehabilitation phase. */
public record RehabPhaseAdvanced(String caseId, RehabPhase from, RehabPhase to, Instant advancedAt) implements CasePayload {

    public RehabPhaseAdvanced {
        Contract.requireText(caseId, "caseId");
        Contract.require(from, "from");
        Contract.require(to, "to");
        if (to.ordinal() <= from.ordinal()) {
            throw new IllegalArgumentException("to must come after from");
        }
        Contract.require(advancedAt, "advancedAt");
    }
}
