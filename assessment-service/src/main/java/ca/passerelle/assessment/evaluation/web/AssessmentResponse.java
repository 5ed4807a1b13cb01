package ca.passerelle.assessment.evaluation.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ca.passerelle.assessment.evaluation.Assessment;
import ca.passerelle.assessment.evaluation.AssessmentStatus;
import ca.passerelle.assessment.evaluation.CareVerification;
import ca.passerelle.assessment.evaluation.Evaluation;
import ca.passerelle.assessment.evaluation.Imaging;
import ca.passerelle.assessment.evaluation.SpecialistDecision;
import ca.passerelle.assessment.evaluation.SuggestedCause;
import ca.passerelle.assessment.evaluation.Suggestion;
import ca.passerelle.events.assessment.FbssCause;
import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.intake.RadiologicalFinding;
import ca.passerelle.events.intake.RedFlag;

/** A case's assessment as the API shows it (docs/http-apis.md). */
record AssessmentResponse(
        String caseId,
        AssessmentStatus status,
        List<RedFlag> redFlags,
        List<ImagingView> imaging,
        VerificationView verification,
        SuggestionView suggestion,
        EvaluationView evaluation,
        GatingResponse.ConditionsView gating) {

    /** An imaging study and its coded findings: intake's studies and the specialist's readings, oldest first. */
    record ImagingView(String modality, LocalDate performedOn, String levels, List<RadiologicalFinding> findings) {

        static List<ImagingView> of(List<Imaging> studies) {
            return studies.stream().map(study -> new ImagingView(study.modality(), study.performedOn(), study.levels(), study.findings()))
                    .toList();
        }
    }

    record VerificationView(CareVerification.Outcome outcome, List<String> unmet, List<String> missing, LocalDate earliestEligibleOn,
            String evidenceSummary) {
    }

    record SuggestionView(SurgicalCategory category, List<String> reasons, List<CauseView> probableCauses) {

        static SuggestionView of(Suggestion suggestion) {
            return suggestion == null ? null : new SuggestionView(suggestion.category(), suggestion.reasons(),
                    suggestion.probableCauses().stream().map(CauseView::of).toList());
        }
    }

    record CauseView(FbssCause cause, String reason) {

        static CauseView of(SuggestedCause cause) {
            return new CauseView(cause.cause(), cause.reason());
        }
    }

    record EvaluationView(SpecialistDecision decision, List<FbssCause> probableCauses, String rationale, String evaluatedBy,
            Instant evaluatedAt, SurgicalCategory suggestedCategory, boolean departsFromSuggestion, List<ImagingView> imagingFindings) {
    }

    static AssessmentResponse of(Assessment assessment) {
        CareVerification verification = assessment.verification();
        Evaluation evaluation = assessment.evaluation();
        return new AssessmentResponse(
                assessment.caseId(),
                assessment.status(),
                assessment.redFlags(),
                ImagingView.of(assessment.imaging()),
                verification == null ? null
                        : new VerificationView(verification.outcome(), verification.unmet(), verification.missing(),
                                verification.earliestEligibleOn(), verification.evidenceSummary()),
                SuggestionView.of(assessment.suggestion()),
                evaluation == null ? null
                        : new EvaluationView(evaluation.decision(), evaluation.probableCauses(), evaluation.rationale(),
                                evaluation.evaluatedBy(), evaluation.evaluatedAt(), evaluation.suggestedCategory(),
                                evaluation.departsFromSuggestion(), ImagingView.of(evaluation.imagingFindings())),
                GatingResponse.ConditionsView.of(assessment));
    }
}
