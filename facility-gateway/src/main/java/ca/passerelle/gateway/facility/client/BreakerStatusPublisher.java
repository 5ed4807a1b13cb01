package ca.passerelle.gateway.facility.client;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ca.passerelle.gateway.status.DependencyStatusService;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;

/**
 * Feeds every state change of the {@code facility-api} circuit breaker, and its state at start-up, to the dependency's
 * status, which publishes it through the outbox.
 */
@Component
class BreakerStatusPublisher {

    private static final Logger log = LoggerFactory.getLogger(BreakerStatusPublisher.class);

    private final CircuitBreaker breaker;
    private final DependencyStatusService status;
    private final Clock clock;

    BreakerStatusPublisher(CircuitBreakerRegistry breakers, DependencyStatusService status, Clock clock) {
        this.breaker = breakers.circuitBreaker(FacilityApiClientConfiguration.FACILITY_API);
        this.status = status;
        this.clock = clock;
        breaker.getEventPublisher().onStateTransition(this::transitioned);
    }

    @EventListener(ApplicationReadyEvent.class)
    void recordStateAtStartUp() {
        observe(breaker.getState().name());
    }

    private void transitioned(CircuitBreakerOnStateTransitionEvent event) {
        log.info("Circuit breaker {}: {}", event.getCircuitBreakerName(), event.getStateTransition());
        observe(event.getStateTransition().getToState().name());
    }

    /** Runs on the thread that moved the breaker: a failure here must not break the call that moved it. */
    private void observe(String state) {
        try {
            status.observe(FacilityApiClientConfiguration.FACILITY_API, state, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Could not record that {} is {}: {}", FacilityApiClientConfiguration.FACILITY_API, state, e.getMessage());
        }
    }
}
