package ca.passerelle.events.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/**
 * Emitted by assessment-service when conservative care does not yet justify surgery: the case goes back to conservative care.
 *
 * @param missing what the policy still needs, one plain sentence each
 * @param earliestEligibleOn the earliest date the minimum-duration rule can be met; null if duration is not what is missing
 */
public record ConservativeCareInsufficient(String caseId, Instant assessedAt, List<String> missing, LocalDate earliestEligibleOn)
        implements CasePayload {

    public ConservativeCareInsufficient {
        Contract.requireText(caseId, "caseId");
        Contract.require(assessedAt, "assessedAt");
        missing = Contract.listOrEmpty(missing);
        if (missing.isEmpty()) {
            throw new IllegalArgumentException("missing must say what is missing");
        }
    }
}
