package ca.passerelle.gateway.facility;

import java.time.Instant;
import java.time.LocalDate;

/** A hold on a slot as upstream answers it ({@code HELD}, then {@code CONFIRMED}). Never cached, never faked. */
public record Hold(String holdId, String slotId, String facilityId, LocalDate date, String status, String reference, Instant expiresAt) {
}
