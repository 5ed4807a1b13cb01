package ca.passerelle.intake.cases;

import java.time.LocalDate;

import ca.passerelle.events.intake.SpineProcedure;

/**
 * A spine surgery the patient had before the referral: coded procedure and levels (published), and the clinic's own wording
 * of the operative report (free text: sealed at rest, never published).
 */
public record PriorSurgery(LocalDate performedOn, SpineProcedure procedure, String levels, String operativeNote) {
}
