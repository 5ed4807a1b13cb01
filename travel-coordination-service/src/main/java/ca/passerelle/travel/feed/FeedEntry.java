package ca.passerelle.travel.feed;

import java.time.Instant;

/**
 * One event of a hospital's feed, kept for the catch-up endpoint exactly as it is published.
 *
 * @param sequence the hospital's gap-free sequence number (1, 2, 3, …)
 * @param noticeId the booking's notice it came from: appending the same notice twice changes nothing
 * @param data the FHIR R4 Appointment, as JSON
 */
public record FeedEntry(long sequence, String eventId, String noticeId, String appointmentId, Instant time, String data) {
}
