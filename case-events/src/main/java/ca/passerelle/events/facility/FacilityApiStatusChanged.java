package ca.passerelle.events.facility;

import java.time.Instant;

import ca.passerelle.events.Contract;

/**
 * Emitted by facility-gateway when the circuit breaker guarding an external dependency changes state.
 *
 * @param dependency the guarded system, e.g. {@code facility-api}; the envelope's subject and Kafka key
 * @param state {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN} or another Resilience4j state name
 * @param since when the breaker entered this state
 */
public record FacilityApiStatusChanged(String dependency, String state, Instant since) {

    public FacilityApiStatusChanged {
        Contract.requireText(dependency, "dependency");
        Contract.requireText(state, "state");
        Contract.require(since, "since");
    }
}
