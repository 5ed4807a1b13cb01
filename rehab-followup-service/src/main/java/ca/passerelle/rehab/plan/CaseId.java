package ca.passerelle.rehab.plan;

import ca.passerelle.events.Contract;

/** The opaque id of a Passerelle case, as the other services know it. */
public record CaseId(String value) {

    public CaseId {
        Contract.requireText(value, "caseId");
    }

    public static CaseId of(String value) {
        return new CaseId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
