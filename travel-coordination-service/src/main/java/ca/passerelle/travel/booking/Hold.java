package ca.passerelle.travel.booking;

import java.time.Instant;
import java.time.LocalDate;

/** A slot held (or, once confirmed, booked) on facility-gateway for this booking; {@code holdId} is what releases it. */
public record Hold(String holdId, String slotId, String facilityId, LocalDate date, String status, Instant expiresAt) {
}
