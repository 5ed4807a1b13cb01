package ca.passerelle.intake.cases;

import java.time.LocalDate;

/** An imaging study ({@code MRI_GADOLINIUM}, {@code MRI}, {@code CT}, {@code XRAY}) and its findings. */
public record ImagingStudy(String modality, LocalDate performedOn, String findingsSummary) {
}
