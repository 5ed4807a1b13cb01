package ca.passerelle.assessment.evaluation;

import java.time.LocalDate;

/** An imaging study and what the radiologist wrote about it. */
public record ImagingFinding(String modality, LocalDate performedOn, String findingsSummary) {
}
