/** The last known state of each external dependency's circuit breaker, as facility-gateway reports it. */
package ca.passerelle.dashboard.facility;
