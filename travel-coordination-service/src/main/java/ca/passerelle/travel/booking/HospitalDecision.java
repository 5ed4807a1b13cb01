package ca.passerelle.travel.booking;

import java.time.Instant;

/**
 * Who answered for a partner hospital, kept in the booking: the hospital itself or a coordinator acting on its behalf.
 * Only the token subject and role are kept, never anything about the patient.
 *
 * @param appointmentId the appointment answered
 * @param hospitalId the hospital the answer was for
 * @param decision {@code CONFIRMED}, {@code DECLINED} or {@code COMPLETED}
 * @param actedBy the token subject of whoever answered
 * @param actedAs {@code HOSPITAL} when the hospital answered, {@code COORDINATOR} when a coordinator acted on its behalf
 * @param at when
 */
public record HospitalDecision(String appointmentId, String hospitalId, String decision, String actedBy, String actedAs, Instant at) {
}
