package ca.passerelle.platform.web;

/**
 * Bad input, refused with a message written for the client: answered 400 with the message as the problem's
 * {@code detail}. The message names the rule that was broken, never the value submitted (it may be personal
 * information). Any other {@link IllegalArgumentException} reaching the web layer is answered 400 with a generic
 * detail, since its message was written for developers and may quote internals or input.
 */
public class InvalidInputException extends IllegalArgumentException {

    public InvalidInputException(String message) {
        super(message);
    }
}
