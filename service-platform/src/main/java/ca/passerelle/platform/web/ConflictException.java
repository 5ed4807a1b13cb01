package ca.passerelle.platform.web;

/** The request conflicts with the resource's current state (for example a step already taken): answered 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
