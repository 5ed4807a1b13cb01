package ca.passerelle.simulator.availability.web;

import java.time.LocalDate;

import ca.passerelle.simulator.availability.SlotAvailability;

/** A slot as the external API describes it. */
public record SlotResponse(String slotId, String facilityId, LocalDate date, String status) {

    static SlotResponse from(SlotAvailability availability) {
        return new SlotResponse(availability.slot().id().value(), availability.slot().facilityId().value(),
                availability.slot().date(), availability.status().name());
    }

}
