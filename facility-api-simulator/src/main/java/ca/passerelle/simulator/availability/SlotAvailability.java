package ca.passerelle.simulator.availability;

/** A slot with its current status. */
public record SlotAvailability(Slot slot, SlotStatus status) {
}
