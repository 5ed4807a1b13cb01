package ca.passerelle.intake.cases;

import java.time.Instant;

/** One consent decision, per purpose, with the evidence Law 25 asks for: when, how, and which text the patient saw. */
public record Consent(boolean granted, Instant recordedAt, ConsentMethod method, String textVersion) {
}
