package ca.passerelle.intake.cases;

import java.time.Instant;
import java.time.LocalDate;

import ca.passerelle.events.intake.CareModality;
import ca.passerelle.events.intake.SessionResponse;

/**
 * One conservative-care session recorded after the referral.
 *
 * @param provider who gave the session, as the clinic wrote it (free text: sealed at rest, never published)
 */
public record CareSession(String sessionId, CareModality modality, LocalDate performedOn, Integer durationMinutes, String provider,
        boolean supervised, SessionResponse response, Instant recordedAt) {
}
