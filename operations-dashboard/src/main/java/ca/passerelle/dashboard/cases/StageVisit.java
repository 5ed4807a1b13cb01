package ca.passerelle.dashboard.cases;

import java.time.Instant;

/** A case standing in a stage since an event time (what an SLA check reads of a summary). */
public record StageVisit(String caseId, Stage stage, Instant since) {
}
