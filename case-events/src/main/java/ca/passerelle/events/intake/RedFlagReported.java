package ca.passerelle.events.intake;

import java.time.Instant;
import java.util.List;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/** Emitted by intake-service when the clinic reports one or more red flags on an open case. */
public record RedFlagReported(String caseId, List<RedFlag> redFlags, Instant reportedAt) implements CasePayload {

    public RedFlagReported {
        Contract.requireText(caseId, "caseId");
        redFlags = Contract.listOrEmpty(redFlags);
        if (redFlags.isEmpty()) {
            throw new IllegalArgumentException("redFlags must name at least one flag");
        }
        Contract.require(reportedAt, "reportedAt");
    }
}
