package ca.passerelle.assessment.evaluation.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.assessment.evaluation.AssessmentService;
import ca.passerelle.platform.security.Callers;
import jakarta.validation.Valid;

/**
 * Reads a case's assessment, its gating and its decision support, and records the specialist's evaluation. Who may call
 * what is {@link AssessmentAccessPolicy}; the caller (roles, clinic) comes from the validated token only.
 */
@RestController
@RequestMapping("/api/assessments")
class AssessmentController {

    private final AssessmentService assessments;

    AssessmentController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/{caseId}")
    AssessmentResponse assessment(@PathVariable String caseId) {
        return AssessmentResponse.of(assessments.find(caseId, Callers.current()));
    }

    @GetMapping("/{caseId}/gating")
    GatingResponse gating(@PathVariable String caseId) {
        return GatingResponse.of(assessments.gating(caseId, Callers.current()));
    }

    @GetMapping("/{caseId}/decision-support")
    AssessmentResponse.SuggestionView decisionSupport(@PathVariable String caseId) {
        return AssessmentResponse.SuggestionView.of(assessments.decisionSupport(caseId, Callers.current()).suggestion());
    }

    @PostMapping("/{caseId}/evaluation")
    AssessmentResponse evaluate(@PathVariable String caseId, @Valid @RequestBody EvaluationRequest request) {
        return AssessmentResponse.of(assessments.evaluate(caseId, request.decision(), request.probableCauses(), request.readings(), request.rationale(),
                Callers.current()));
    }
}
