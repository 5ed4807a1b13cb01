package ca.passerelle.assessment.evaluation.web;

import java.util.List;

import ca.passerelle.assessment.evaluation.Assessment;
import ca.passerelle.assessment.evaluation.AssessmentStatus;
import ca.passerelle.assessment.evaluation.Gating;

/**
 * Which conditions of {@code SurgeryRecommended} hold and which are missing (docs/http-apis.md), so the dashboard can show
 * what blocks a case.
 *
 * @param surgeryRecommended whether {@code SurgeryRecommended} was published for the case
 */
record GatingResponse(String caseId, AssessmentStatus status, boolean surgeryRecommended, List<String> holds, List<String> missing) {

    /** The conditions alone, as the assessment embeds them. */
    record ConditionsView(List<String> holds, List<String> missing) {

        static ConditionsView of(Assessment assessment) {
            Gating gating = assessment.gating();
            return new ConditionsView(gating.holds(), gating.missing());
        }
    }

    static GatingResponse of(Assessment assessment) {
        Gating gating = assessment.gating();
        return new GatingResponse(assessment.caseId(), assessment.status(), assessment.surgeryRecommended(),
                gating.holds(), gating.missing());
    }
}
