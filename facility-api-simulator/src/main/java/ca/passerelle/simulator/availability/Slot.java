package ca.passerelle.simulator.availability;

import java.time.LocalDate;

import ca.passerelle.simulator.directory.FacilityId;

/** A bookable day at a facility, as generated from the seed. */
public record Slot(SlotId id, FacilityId facilityId, LocalDate date) {
}
