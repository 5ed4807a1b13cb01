package ca.passerelle.rehab.plan;

import java.time.LocalDate;

import ca.passerelle.events.Contract;
import ca.passerelle.events.assessment.SurgicalCategory;

/** What the plan needs to know about a surgery the partner hospital reported done. */
public record CompletedSurgery(CaseId caseId, SurgicalCategory category, LocalDate performedOn) {

    public CompletedSurgery {
        Contract.require(caseId, "caseId");
        Contract.require(category, "category");
        Contract.require(performedOn, "performedOn");
    }
}
