package ca.passerelle.platform.faults;

/**
 * The {@link Error} a handler throws when {@code passerelle.faults.error-on-event-type} names the type of the event it
 * was given (test-only; see {@link FaultInjectionProperties}). Its message names the event type and id only.
 */
public class InjectedFaultError extends Error {

    private static final long serialVersionUID = 1L;

    public InjectedFaultError(String message) {
        super(message);
    }
}
