package ca.passerelle.travel.booking;

import java.time.LocalDate;

/** A surgery slot of one facility as facility-gateway reports it; only AVAILABLE slots may be held. */
public record Slot(String slotId, String facilityId, LocalDate date, String status) {

    boolean isAvailable() {
        return "AVAILABLE".equals(status);
    }
}
