package ca.passerelle.events.intake;

import java.time.LocalDate;
import java.util.List;

import ca.passerelle.events.Contract;

/**
 * An imaging study and its coded findings. Modality: {@code MRI_GADOLINIUM}, {@code MRI}, {@code CT} or {@code XRAY}.
 *
 * @param levels the levels the findings concern, e.g. {@code L4-L5}; null when not stated
 */
public record ImagingStudy(String modality, LocalDate performedOn, List<RadiologicalFinding> findings, String levels) {

    public ImagingStudy {
        Contract.requireText(modality, "modality");
        Contract.require(performedOn, "performedOn");
        findings = Contract.listOrEmpty(findings);
    }
}
