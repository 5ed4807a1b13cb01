package ca.passerelle.intake.cases.web;

import java.time.Instant;

import ca.passerelle.events.intake.ConsentGrants;
import ca.passerelle.intake.cases.UpdateOutcome;

/**
 * The answer to an update: which update it was (a retry with the same {@code Idempotency-Key} gets the same {@code updateId}
 * and {@code resourceId}), the case's status and the consents in force now.
 *
 * @param resourceId the session id, document id or consent purpose the update concerns; null for the others
 */
public record UpdateResponse(String caseId, String updateId, String kind, Instant recordedAt, String resourceId, String status,
        ConsentGrants consents) {

    static UpdateResponse of(UpdateOutcome outcome) {
        var update = outcome.update();
        var patientCase = outcome.patientCase();
        return new UpdateResponse(patientCase.id().value(), update.updateId(), update.kind().name(), update.recordedAt(),
                update.resourceId(), patientCase.status().name(), patientCase.consents().inForce());
    }
}
