package ca.passerelle.travel.booking;

/** facility-gateway refused to confirm a hold (expired or released). */
public class HoldRejectedException extends RuntimeException {

    public HoldRejectedException(String message) {
        super(message);
    }
}
