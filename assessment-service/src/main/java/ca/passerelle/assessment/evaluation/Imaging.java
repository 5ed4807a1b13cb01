package ca.passerelle.assessment.evaluation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import ca.passerelle.events.intake.RadiologicalFinding;

/**
 * An imaging study and its coded findings, as decision support reads it.
 *
 * @param levels the levels the findings concern, e.g. {@code L4-L5}; null when not stated
 */
public record Imaging(String modality, LocalDate performedOn, List<RadiologicalFinding> findings, String levels) {

    /** Oldest first, then by modality and levels: the same studies always read in the same order. */
    static final Comparator<Imaging> CHRONOLOGICAL = Comparator.comparing(Imaging::performedOn)
            .thenComparing(Imaging::modality)
            .thenComparing(imaging -> imaging.levels() == null ? "" : imaging.levels())
            .thenComparing(imaging -> imaging.findings().toString());

    public Imaging {
        findings = findings == null ? List.of() : findings.stream().distinct().sorted().toList();
    }

    public boolean shows(RadiologicalFinding finding) {
        return findings.contains(finding);
    }

    /** "MRI_GADOLINIUM of 2026-09-20 at L4-L5": where a finding was seen, for reasons. */
    String describe() {
        return modality + " of " + performedOn + (levels == null ? "" : " at " + levels);
    }
}
