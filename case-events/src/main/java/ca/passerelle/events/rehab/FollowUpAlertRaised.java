package ca.passerelle.events.rehab;

import java.time.Instant;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/**
 * Emitted by rehab-followup-service when a follow-up rule needs a coordinator.
 *
 * @param reason one plain sentence with the figures behind the alert (scores, dates), never free text from a report
 */
public record FollowUpAlertRaised(String caseId, String alertId, AlertKind kind, AlertSeverity severity, String reason,
        Instant raisedAt) implements CasePayload {

    public FollowUpAlertRaised {
        Contract.requireText(caseId, "caseId");
        Contract.requireText(alertId, "alertId");
        Contract.require(kind, "kind");
        Contract.require(severity, "severity");
        Contract.requireText(reason, "reason");
        Contract.require(raisedAt, "raisedAt");
    }
}
