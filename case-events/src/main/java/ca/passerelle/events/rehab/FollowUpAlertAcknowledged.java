package ca.passerelle.events.rehab;

import java.time.Instant;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/**
 * Emitted by rehab-followup-service when a coordinator acknowledges an alert.
 *
 * @param acknowledgedBy the coordinator's subject (user id) from the token
 */
public record FollowUpAlertAcknowledged(String caseId, String alertId, String acknowledgedBy, Instant acknowledgedAt)
        implements CasePayload {

    public FollowUpAlertAcknowledged {
        Contract.requireText(caseId, "caseId");
        Contract.requireText(alertId, "alertId");
        Contract.requireText(acknowledgedBy, "acknowledgedBy");
        Contract.require(acknowledgedAt, "acknowledgedAt");
    }
}
