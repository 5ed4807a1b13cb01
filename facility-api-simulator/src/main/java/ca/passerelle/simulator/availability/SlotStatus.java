package ca.passerelle.simulator.availability;

/** Whether a slot can still be held. */
public enum SlotStatus {
    AVAILABLE,
    HELD,
    BOOKED
}
