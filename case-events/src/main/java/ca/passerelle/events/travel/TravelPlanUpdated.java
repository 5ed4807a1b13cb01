package ca.passerelle.events.travel;

import java.time.Instant;
import java.time.LocalDate;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/**
 * Emitted by travel-coordination-service whenever a case's travel plan changes (entered by a coordinator or recomputed
 * after the surgery date moved). Booking references, lodging address and the accompanying person stay in the service.
 *
 * @param outboundOn null until the outbound flight is booked
 * @param returnOn null until the return flight is booked; never before {@code fitToFlyOn}
 * @param missingDocuments how many checklist documents are still missing
 * @param status {@code IN_PREPARATION}, {@code READY} (everything booked, no document missing) or {@code CANCELLED}
 */
public record TravelPlanUpdated(
        String caseId,
        String hospitalId,
        LocalDate preOpConsultationOn,
        LocalDate surgeryOn,
        LocalDate fitToFlyOn,
        LocalDate outboundOn,
        LocalDate returnOn,
        boolean lodgingBooked,
        boolean accompanied,
        int missingDocuments,
        String status,
        Instant updatedAt) implements CasePayload {

    public TravelPlanUpdated {
        Contract.requireText(caseId, "caseId");
        Contract.requireText(status, "status");
        if (missingDocuments < 0) {
            throw new IllegalArgumentException("missingDocuments must not be negative");
        }
        Contract.require(updatedAt, "updatedAt");
    }
}
