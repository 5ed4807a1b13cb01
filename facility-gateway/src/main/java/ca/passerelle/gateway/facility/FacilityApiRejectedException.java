package ca.passerelle.gateway.facility;

/** Upstream answered, and refused the request (4xx other than 429): an answer, not a failure of upstream. */
public class FacilityApiRejectedException extends RuntimeException {

    private final int status;

    public FacilityApiRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
