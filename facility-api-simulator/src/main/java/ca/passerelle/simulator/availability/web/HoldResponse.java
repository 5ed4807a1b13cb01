package ca.passerelle.simulator.availability.web;

import java.time.Instant;
import java.time.LocalDate;

import ca.passerelle.simulator.availability.Hold;

/** A hold as the external API describes it; {@code expiresAt} is null once the hold no longer runs out. */
public record HoldResponse(String holdId, String slotId, String facilityId, LocalDate date, String status,
        String reference, Instant expiresAt) {

    static HoldResponse from(Hold hold) {
        return new HoldResponse(hold.id().value(), hold.slot().id().value(), hold.slot().facilityId().value(),
                hold.slot().date(), hold.status().name(), hold.reference(), hold.expiresAt());
    }

}
