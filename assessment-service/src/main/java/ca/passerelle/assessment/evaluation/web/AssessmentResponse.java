package ca.passerelle.assessment.evaluation.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ca.passerelle.assessment.evaluation.Assessment;
import ca.passerelle.assessment.evaluation.AssessmentStatus;
import ca.passerelle.assessment.evaluation.CareVerification;
import ca.passerelle.assessment.evaluation.Evaluation;
import ca.passerelle.assessment.evaluation.SpecialistDecision;
import ca.passerelle.assessment.evaluation.Suggestion;
import ca.passerelle.events.assessment.FbssCause;
import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.intake.RedFlag;

/** A case's assessment as the API shows it (docs/http-apis.md). */
record AssessmentResponse(
        String caseId,
        AssessmentStatus status,
        List<RedFlag> redFlags,
        VerificationView verification,
        SuggestionView suggestion,
        EvaluationView evaluation) {

    record VerificationView(CareVerification.Outcome outcome, List<String> missing, LocalDate earliestEligibleOn) {
    }

    record SuggestionView(SurgicalCategory category, List<String> reasons) {
    }

    record EvaluationView(SpecialistDecision decision, List<FbssCause> probableCauses, String rationale, String evaluatedBy,
            Instant evaluatedAt) {
    }

    static AssessmentResponse of(Assessment assessment) {
        CareVerification verification = assessment.verification();
        Suggestion suggestion = assessment.suggestion();
        Evaluation evaluation = assessment.evaluation();
        return new AssessmentResponse(
                assessment.caseId(),
                assessment.status(),
                assessment.redFlags(),
                verification == null ? null
                        : new VerificationView(verification.outcome(), verification.missing(), verification.earliestEligibleOn()),
                suggestion == null ? null : new SuggestionView(suggestion.category(), suggestion.reasons()),
                evaluation == null ? null
                        : new EvaluationView(evaluation.decision(), evaluation.probableCauses(), evaluation.rationale(),
                                evaluation.evaluatedBy(), evaluation.evaluatedAt()));
    }
}
