package ca.passerelle.assessment.evaluation;

import java.time.Instant;
import java.time.LocalDate;

import ca.passerelle.events.intake.CareModality;

/**
 * One conservative-care session recorded after the case was opened. Sessions of one modality count as one course, from
 * the first to the last session within the look-back window.
 *
 * @param sessionId unique per case; a session recorded twice carries the same id and counts once
 */
public record CareSession(String sessionId, CareModality modality, LocalDate performedOn, boolean supervised, Instant recordedAt) {
}
