package ca.passerelle.simulator.availability;

/** No hold has this id. */
public class UnknownHoldException extends RuntimeException {

    public UnknownHoldException(HoldId id) {
        super("No hold " + id);
    }

}
