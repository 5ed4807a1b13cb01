package ca.passerelle.events.rehab;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;
import ca.passerelle.events.assessment.SurgicalCategory;

/**
 * Emitted by rehab-followup-service when it has planned the post-operative rehabilitation of a completed surgery.
 *
 * @param rehabClinicId the Québec rehabilitation clinic assigned, or null while none is assigned yet
 */
public record RehabPlanCreated(
        String caseId,
        SurgicalCategory category,
        String rehabClinicId,
        List<PhaseWindow> phases,
        List<LocalDate> checkpoints,
        Instant createdAt) implements CasePayload {

    public RehabPlanCreated {
        Contract.requireText(caseId, "caseId");
        Contract.require(category, "category");
        phases = Contract.listOrEmpty(phases);
        checkpoints = Contract.listOrEmpty(checkpoints);
        Contract.require(createdAt, "createdAt");
    }
}
