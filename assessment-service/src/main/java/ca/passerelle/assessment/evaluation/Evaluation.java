package ca.passerelle.assessment.evaluation;

import java.time.Instant;
import java.util.List;

import ca.passerelle.events.assessment.FbssCause;
import ca.passerelle.events.assessment.SurgicalCategory;

/**
 * The specialist's evaluation as recorded.
 *
 * @param evaluatedBy the subject of the specialist's token (an account id, no personal information)
 * @param suggestedCategory what decision support suggested when the specialist decided (their own imaging findings
 *        included); null when it suggested none
 * @param imagingFindings the coded findings the specialist read on the imaging (study, date, levels, findings); decision
 *        support reads them with the studies intake recorded; empty when none were given
 */
public record Evaluation(SpecialistDecision decision, List<FbssCause> probableCauses, String rationale, String evaluatedBy,
        Instant evaluatedAt, SurgicalCategory suggestedCategory, List<Imaging> imagingFindings) {

    public Evaluation {
        probableCauses = probableCauses == null ? List.of() : List.copyOf(probableCauses);
        imagingFindings = imagingFindings == null ? List.of() : imagingFindings.stream().distinct().sorted(Imaging.CHRONOLOGICAL).toList();
    }

    /** Whether the specialist chose otherwise than decision support suggested (the rationale then says why). */
    public boolean departsFromSuggestion() {
        return suggestedCategory != null && decision.category().map(category -> category != suggestedCategory).orElse(true);
    }
}
