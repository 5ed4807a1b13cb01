package ca.passerelle.intake.cases;

import java.time.Instant;
import java.time.LocalDate;

/** A pain and disability measurement reported after the referral, ODI scored by intake. */
public record SymptomsReport(LocalDate assessedOn, Symptoms symptoms, Instant recordedAt) {
}
