package ca.passerelle.events.intake;

import java.time.Instant;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/**
 * Emitted by intake-service when the patient gives or withdraws consent for one purpose. Carries the consents in force
 * after the change, so a consumer never has to replay history to know them.
 *
 * @param granted true when consent was given, false when it was withdrawn
 */
public record ConsentChanged(String caseId, ConsentPurpose purpose, boolean granted, ConsentGrants consents, Instant changedAt)
        implements CasePayload {

    public ConsentChanged {
        Contract.requireText(caseId, "caseId");
        Contract.require(purpose, "purpose");
        Contract.require(consents, "consents");
        Contract.require(changedAt, "changedAt");
    }

    /** True when this change takes away the right to work the case at all. */
    public boolean stopsProcessing() {
        return !consents.careCoordination();
    }

    /** True when nothing may (any longer) leave Québec for this case. */
    public boolean stopsCrossBorder() {
        return !consents.careCoordination() || !consents.crossBorderCommunication();
    }
}
