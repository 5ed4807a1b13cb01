package ca.passerelle.gateway.facility;

import java.time.LocalDate;

/** One surgery or care slot of a facility, with the status upstream gave it ({@code AVAILABLE}, {@code HELD}, {@code BOOKED}). */
public record Slot(String slotId, String facilityId, LocalDate date, String status) {
}
