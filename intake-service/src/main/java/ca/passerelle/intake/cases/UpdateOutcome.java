package ca.passerelle.intake.cases;

/**
 * The answer to an update.
 *
 * @param replayed true when an earlier request with the same idempotency key had already made it
 */
public record UpdateOutcome(PatientCase patientCase, CaseUpdate update, boolean replayed) {
}
