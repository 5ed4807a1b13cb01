package ca.passerelle.assessment.evaluation;

import java.time.LocalDate;

import ca.passerelle.events.intake.CareModality;

/** One documented course of conservative care, as the assessment sees it. */
public record CareCourse(CareModality modality, LocalDate startedOn, LocalDate endedOn, int sessions, boolean supervised) {
}
