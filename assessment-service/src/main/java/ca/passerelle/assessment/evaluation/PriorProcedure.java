package ca.passerelle.assessment.evaluation;

import java.time.LocalDate;

import ca.passerelle.events.intake.SpineProcedure;

/** A spine surgery the patient had before the referral, coded. */
public record PriorProcedure(LocalDate performedOn, SpineProcedure procedure, String levels) {
}
