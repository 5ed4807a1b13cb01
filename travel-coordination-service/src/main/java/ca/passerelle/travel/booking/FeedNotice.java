package ca.passerelle.travel.booking;

import java.time.Instant;
import java.time.LocalDate;

import ca.passerelle.events.assessment.SurgicalCategory;

/**
 * Something the partner hospital must be told, written in the booking with the state change that caused it and moved
 * to the hospital's feed by the saga driver ({@link HospitalFeedPublisher}, idempotent on {@code noticeId}). Carries no
 * patient data: the feed derives a per-hospital pseudonym from the case id.
 */
public record FeedNotice(String noticeId, String caseId, String hospitalId, String appointmentId, SurgicalCategory category,
        LocalDate surgeryOn, FeedStatus status, Instant at) {
}
