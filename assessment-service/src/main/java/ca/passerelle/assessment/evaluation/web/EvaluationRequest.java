package ca.passerelle.assessment.evaluation.web;

import java.util.List;

import ca.passerelle.assessment.evaluation.SpecialistDecision;
import ca.passerelle.events.assessment.FbssCause;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The specialist's evaluation: a category or NOT_A_CANDIDATE, the probable FBSS causes, and why. */
record EvaluationRequest(
        @NotNull SpecialistDecision decision,
        @Size(max = 10) List<@NotNull FbssCause> probableCauses,
        @Size(max = 4000) String rationale) {

    @AssertTrue(message = "rationale is required when the decision is NOT_A_CANDIDATE")
    boolean isRationaleGivenWhenDeclining() {
        return decision != SpecialistDecision.NOT_A_CANDIDATE || (rationale != null && !rationale.isBlank());
    }
}
