package ca.passerelle.simulator.availability;

/** Where a hold is in its life: HELD, then CONFIRMED, RELEASED or EXPIRED. */
public enum HoldStatus {
    HELD,
    CONFIRMED,
    RELEASED,
    EXPIRED;

    /** Whether a hold in this status keeps its slot from others. */
    boolean occupiesSlot() {
        return this == HELD || this == CONFIRMED;
    }
}
