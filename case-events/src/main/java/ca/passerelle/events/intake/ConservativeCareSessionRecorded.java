package ca.passerelle.events.intake;

import java.time.Instant;
import java.time.LocalDate;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/**
 * Emitted by intake-service when the clinic records one conservative-care session. The provider's name stays in
 * intake-service; the event says only whether a professional supervised the session.
 *
 * @param sessionId unique per case; a session recorded twice carries the same id
 */
public record ConservativeCareSessionRecorded(
        String caseId,
        String sessionId,
        CareModality modality,
        LocalDate performedOn,
        Integer durationMinutes,
        boolean supervised,
        SessionResponse response,
        Instant recordedAt) implements CasePayload {

    public ConservativeCareSessionRecorded {
        Contract.requireText(caseId, "caseId");
        Contract.requireText(sessionId, "sessionId");
        Contract.require(modality, "modality");
        Contract.require(performedOn, "performedOn");
        if (durationMinutes != null) {
            Contract.requireRange(durationMinutes, 1, 600, "durationMinutes");
        }
        response = response == null ? SessionResponse.NOT_ASSESSED : response;
        Contract.require(recordedAt, "recordedAt");
    }
}
