package ca.passerelle.intake.cases;

import java.time.Instant;

import ca.passerelle.events.intake.ClosureReason;

/** Why and when a case was closed at intake. */
public record Closure(ClosureReason reason, Instant closedAt) {
}
