package ca.passerelle.simulator.availability;

/** No slot on offer has this id (unknown facility, no slot that day, or outside the window on offer). */
public class UnknownSlotException extends RuntimeException {

    public UnknownSlotException(SlotId id) {
        super("No slot " + id + " on offer");
    }

}
