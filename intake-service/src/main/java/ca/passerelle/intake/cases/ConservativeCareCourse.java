package ca.passerelle.intake.cases;

import java.time.LocalDate;

import ca.passerelle.events.intake.CareModality;

/** A course of conservative care the patient followed before the referral. */
public record ConservativeCareCourse(CareModality modality, LocalDate startedOn, LocalDate endedOn, int sessions, boolean supervised) {
}
