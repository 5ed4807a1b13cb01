package ca.passerelle.assessment.evaluation;

import java.time.LocalDate;

/** A spine surgery the patient had before the referral. */
public record PriorProcedure(LocalDate performedOn, String procedure, String levels) {
}
