package ca.passerelle.intake.cases;

/**
 * The answer to an open request.
 *
 * @param replayed true when an earlier request with the same idempotency key had already opened it
 */
public record OpenedCase(PatientCase patientCase, boolean replayed) {
}
