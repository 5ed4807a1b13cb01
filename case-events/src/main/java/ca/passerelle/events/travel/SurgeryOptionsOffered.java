package ca.passerelle.events.travel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/**
 * Emitted by travel-coordination-service when it has ranked the partner hospitals able to operate and waits for a
 * coordinator's choice (or when an option was declined or timed out and the remaining ones are offered again).
 *
 * @param options best first; empty when no hospital has a slot (the case waits for availability)
 */
public record SurgeryOptionsOffered(String caseId, List<Option> options, Instant offeredAt) implements CasePayload {

    public SurgeryOptionsOffered {
        Contract.requireText(caseId, "caseId");
        options = Contract.listOrEmpty(options);
        Contract.require(offeredAt, "offeredAt");
    }

    /** One ranked option: a hospital and its earliest feasible surgery date. */
    public record Option(String hospitalId, LocalDate earliestSurgeryOn) {

        public Option {
            Contract.requireText(hospitalId, "hospitalId");
            Contract.require(earliestSurgeryOn, "earliestSurgeryOn");
        }
    }
}
