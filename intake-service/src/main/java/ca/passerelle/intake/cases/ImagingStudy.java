package ca.passerelle.intake.cases;

import java.time.LocalDate;
import java.util.List;

import ca.passerelle.events.intake.RadiologicalFinding;

/**
 * An imaging study ({@code MRI_GADOLINIUM}, {@code MRI}, {@code CT}, {@code XRAY}) with its coded findings and levels
 * (published) and the radiologist's wording (free text: sealed at rest, never published).
 */
public record ImagingStudy(String modality, LocalDate performedOn, List<RadiologicalFinding> findings, String levels,
        String findingsSummary) {

    public ImagingStudy {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    ca.passerelle.events.intake.ImagingStudy published() {
        return new ca.passerelle.events.intake.ImagingStudy(modality, performedOn, findings, levels);
    }
}
