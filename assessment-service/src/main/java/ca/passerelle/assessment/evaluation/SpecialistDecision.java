package ca.passerelle.assessment.evaluation;

import java.util.Optional;

import ca.passerelle.events.assessment.SurgicalCategory;

/** What the spine specialist decides: one surgical category, or not a candidate. */
public enum SpecialistDecision {
    SIMPLE_DECOMPRESSION(SurgicalCategory.SIMPLE_DECOMPRESSION),
    FUSION(SurgicalCategory.FUSION),
    MOTION_PRESERVATION(SurgicalCategory.MOTION_PRESERVATION),
    NOT_A_CANDIDATE(null);

    private final SurgicalCategory category;

    SpecialistDecision(SurgicalCategory category) {
        this.category = category;
    }

    /** The recommended category; empty when the patient is not a candidate. */
    public Optional<SurgicalCategory> category() {
        return Optional.ofNullable(category);
    }
}
