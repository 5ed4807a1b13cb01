package ca.passerelle.events;

/** A record that is not a valid Passerelle event: unreadable JSON, a broken envelope or a payload that breaks its schema. Never retried. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidEventException(String message) {
        super(message);
    }
}
