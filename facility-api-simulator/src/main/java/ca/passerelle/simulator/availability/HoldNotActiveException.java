package ca.passerelle.simulator.availability;

/** The hold was released or has expired, so it cannot be confirmed. */
public class HoldNotActiveException extends RuntimeException {

    public HoldNotActiveException(HoldId id, HoldStatus status) {
        super("Hold " + id + " is " + status + " and can no longer be confirmed");
    }

}
