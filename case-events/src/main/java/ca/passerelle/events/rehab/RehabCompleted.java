package ca.passerelle.events.rehab;

import java.time.Instant;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/**
 * Emitted by rehab-followup-service when follow-up ends: the plan was completed, or it was closed early with a reason.
 * The case reaches its terminal state.
 *
 * @param lastProgress progress at the last report; null when no report was ever posted
 */
public record RehabCompleted(String caseId, RehabClosure closure, Progress lastProgress, Instant completedAt)
        implements CasePayload {

    public RehabCompleted {
        Contract.requireText(caseId, "caseId");
        Contract.require(closure, "closure");
        Contract.require(completedAt, "completedAt");
    }

    public boolean earlyClosure() {
        return closure != RehabClosure.PLAN_COMPLETED;
    }
}
