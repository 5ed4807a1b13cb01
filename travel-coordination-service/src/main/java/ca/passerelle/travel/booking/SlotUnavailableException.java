package ca.passerelle.travel.booking;

/** The slot could not be held because someone else took it: that option is gone. */
public class SlotUnavailableException extends RuntimeException {

    public SlotUnavailableException(String message) {
        super(message);
    }
}
