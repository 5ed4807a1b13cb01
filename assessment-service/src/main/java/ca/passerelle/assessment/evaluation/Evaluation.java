package ca.passerelle.assessment.evaluation;

import java.time.Instant;
import java.util.List;

import ca.passerelle.events.assessment.FbssCause;

/**
 * The specialist's evaluation as recorded.
 *
 * @param evaluatedBy the subject of the specialist's token (an account id, no personal information)
 */
public record Evaluation(SpecialistDecision decision, List<FbssCause> probableCauses, String rationale, String evaluatedBy,
        Instant evaluatedAt) {

    public Evaluation {
        probableCauses = probableCauses == null ? List.of() : List.copyOf(probableCauses);
    }
}
