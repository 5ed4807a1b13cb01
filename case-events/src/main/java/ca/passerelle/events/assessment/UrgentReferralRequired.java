package ca.passerelle.events.assessment;

import java.time.Instant;
import java.util.List;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;
import ca.passerelle.events.intake.RedFlag;

/** Emitted by assessment-service when triage finds a red flag: the tourism pathway stops for good and coordinators escalate. */
public record UrgentReferralRequired(String caseId, List<RedFlag> redFlags, Instant detectedAt) implements CasePayload {

    public UrgentReferralRequired {
        Contract.requireText(caseId, "caseId");
        redFlags = Contract.listOrEmpty(redFlags);
        if (redFlags.isEmpty()) {
            throw new IllegalArgumentException("redFlags must name at least one flag");
        }
        Contract.require(detectedAt, "detectedAt");
    }
}
