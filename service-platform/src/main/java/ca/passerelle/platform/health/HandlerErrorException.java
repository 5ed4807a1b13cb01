package ca.passerelle.platform.health;

/**
 * What a consumer's handler {@link Error} becomes (see {@link HandlerErrorGuard}): an exception, so that the binder's
 * retries and dead-letter routing handle the event like any failed one (an {@code Error} itself broke both: retried forty
 * times, then the dead-letter send failed and spring-kafka skipped the record). The message names the binding and the
 * error's class only, never its message (it could carry data).
 */
public class HandlerErrorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HandlerErrorException(String binding, Error error) {
        super("the handler of " + binding + " threw " + error.getClass().getName() + "; the binding is stopped until the service restarts",
                error);
    }
}
