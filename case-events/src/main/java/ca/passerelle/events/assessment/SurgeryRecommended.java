package ca.passerelle.events.assessment;

import java.time.Instant;
import java.util.List;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/** Emitted by assessment-service when the specialist recommends a surgical category; travel coordination starts scheduling. */
public record SurgeryRecommended(
        String caseId,
        SurgicalCategory category,
        List<FbssCause> probableCauses,
        String rationale,
        Instant recommendedAt) implements CasePayload {

    public SurgeryRecommended {
        Contract.requireText(caseId, "caseId");
        Contract.require(category, "category");
        probableCauses = Contract.listOrEmpty(probableCauses);
        Contract.require(recommendedAt, "recommendedAt");
    }
}
