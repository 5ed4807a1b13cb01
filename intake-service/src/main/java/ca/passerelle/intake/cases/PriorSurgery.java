package ca.passerelle.intake.cases;

import java.time.LocalDate;

/** A spine surgery the patient had before the referral. */
public record PriorSurgery(LocalDate performedOn, String procedure, String levels) {
}
