package ca.passerelle.events.assessment;

import java.time.Instant;
import java.util.List;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;
import ca.passerelle.events.intake.CareModality;

/** Emitted by assessment-service when the documented, supervised conservative care meets the policy and failed to relieve the patient. */
public record ConservativeCareVerified(
        String caseId,
        Instant verifiedAt,
        long supervisedDays,
        int sessions,
        List<CareModality> modalities,
        String evidenceSummary) implements CasePayload {

    public ConservativeCareVerified {
        Contract.requireText(caseId, "caseId");
        Contract.require(verifiedAt, "verifiedAt");
        modalities = Contract.listOrEmpty(modalities);
    }
}
