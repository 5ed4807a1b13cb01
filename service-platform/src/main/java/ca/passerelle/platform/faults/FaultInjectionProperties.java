package ca.passerelle.platform.faults;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * <strong>Test-only faults</strong>, used by {@code reliability-tests} against a real service process. Every switch is
 * off by default and no deployment sets one (deployment-tests and the compose file never mention {@code passerelle.faults}).
 * When none is set the platform does not even wrap the handlers.
 *
 * @param errorOnEventType an event type (e.g. {@code ca.passerelle.intake.case-opened.v2}): the handler throws
 *        {@link InjectedFaultError} (an {@link Error}, not an exception) instead of handling an event of that type
 * @param handlerDelay a pause before every event is handled (a deliberately slow consumer); {@code 0} or unset for none
 */
@ConfigurationProperties(FaultInjectionProperties.PREFIX)
public record FaultInjectionProperties(String errorOnEventType, Duration handlerDelay) {

    public static final String PREFIX = "passerelle.faults";

    public boolean anyEnabled() {
        return hasErrorOnEventType() || hasHandlerDelay();
    }

    boolean hasErrorOnEventType() {
        return errorOnEventType != null && !errorOnEventType.isBlank();
    }

    boolean hasHandlerDelay() {
        return handlerDelay != null && !handlerDelay.isZero() && !handlerDelay.isNegative();
    }
}
