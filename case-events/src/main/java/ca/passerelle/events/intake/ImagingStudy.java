package ca.passerelle.events.intake;

import java.time.LocalDate;

import ca.passerelle.events.Contract;

/** An imaging study and its findings summary. Modality: {@code MRI_GADOLINIUM}, {@code MRI}, {@code CT} or {@code XRAY}. */
public record ImagingStudy(String modality, LocalDate performedOn, String findingsSummary) {

    public ImagingStudy {
        Contract.requireText(modality, "modality");
        Contract.require(performedOn, "performedOn");
    }
}
