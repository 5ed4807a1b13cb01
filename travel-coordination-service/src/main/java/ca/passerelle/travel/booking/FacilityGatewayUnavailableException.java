package ca.passerelle.travel.booking;

/** facility-gateway did not answer usefully (down, upstream unavailable, rate-limited): try again later. */
public class FacilityGatewayUnavailableException extends RuntimeException {

    public FacilityGatewayUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public FacilityGatewayUnavailableException(String message) {
        super(message);
    }
}
