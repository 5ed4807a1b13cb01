/** Consumes every {@code passerelle.*.dlq} topic into the dead letters, without ever dead-lettering itself. */
package ca.passerelle.dashboard.deadletters.messaging;
