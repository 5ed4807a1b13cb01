package ca.passerelle.simulator.availability;

/** Someone else holds or has booked the slot. */
public class SlotNotAvailableException extends RuntimeException {

    public SlotNotAvailableException(SlotId id, SlotStatus status) {
        super("Slot " + id + " is " + status);
    }

}
