package ca.passerelle.rehab.plan.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.rehab.RehabClosure;
import ca.passerelle.events.rehab.RehabPhase;
import ca.passerelle.rehab.plan.Checkpoint;
import ca.passerelle.rehab.plan.FollowUpStatus;
import ca.passerelle.rehab.plan.PhaseGuide;
import ca.passerelle.rehab.plan.PlannedPhase;
import ca.passerelle.rehab.plan.RehabPlan;

/** A case's rehabilitation plan as {@code GET /api/rehab-plans/{caseId}} answers it; texts in French, with {@code english} beside. */
record RehabPlanResponse(
        String caseId,
        SurgicalCategory category,
        String rehabClinicId,
        FollowUpStatus status,
        RehabPhase currentPhase,
        RehabClosure closure,
        List<PhaseResponse> phases,
        List<CheckpointResponse> checkpoints,
        Instant createdAt) {

    record PhaseResponse(RehabPhase phase, String label, LocalDate startsOn, LocalDate endsOn, String goal, List<String> methods,
            WordingResponse english) {

        static PhaseResponse from(PlannedPhase planned) {
            PhaseGuide.Guidance guidance = PhaseGuide.of(planned.phase());
            PhaseGuide.Wording french = guidance.french();
            return new PhaseResponse(planned.phase(), french.label(), planned.startsOn(), planned.endsOn(), french.goal(),
                    french.methods(), WordingResponse.from(guidance.english()));
        }
    }

    record WordingResponse(String label, String goal, List<String> methods) {

        static WordingResponse from(PhaseGuide.Wording wording) {
            return new WordingResponse(wording.label(), wording.goal(), wording.methods());
        }
    }

    record CheckpointResponse(LocalDate dueOn, String label) {

        static CheckpointResponse from(Checkpoint checkpoint) {
            return new CheckpointResponse(checkpoint.dueOn(), checkpoint.label());
        }
    }

    static RehabPlanResponse from(RehabPlan plan) {
        return new RehabPlanResponse(plan.caseId().value(), plan.category(), plan.rehabClinicId(), plan.status(),
                plan.currentPhase(), plan.closure().orElse(null),
                plan.phases().stream().map(PhaseResponse::from).toList(),
                plan.checkpoints().stream().map(CheckpointResponse::from).toList(),
                plan.createdAt());
    }
}
