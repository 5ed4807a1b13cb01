package ca.passerelle.assessment.evaluation;

import java.util.List;

import ca.passerelle.events.assessment.SurgicalCategory;

/**
 * What decision support suggests to the specialist, who decides.
 *
 * @param category the category the recorded findings point to; null when they point to none
 * @param reasons why, one plain sentence each, naming the finding, the imaging modality and its date
 * @param probableCauses FBSS causes the findings suggest, each with the finding behind it
 */
public record Suggestion(SurgicalCategory category, List<String> reasons, List<SuggestedCause> probableCauses) {

    public Suggestion {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        probableCauses = probableCauses == null ? List.of() : List.copyOf(probableCauses);
    }
}
