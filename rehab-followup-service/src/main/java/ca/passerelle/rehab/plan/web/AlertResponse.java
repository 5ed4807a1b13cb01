package ca.passerelle.rehab.plan.web;

import java.time.Instant;
import java.time.LocalDate;

import ca.passerelle.events.rehab.AlertKind;
import ca.passerelle.events.rehab.AlertSeverity;
import ca.passerelle.rehab.plan.FollowUpAlert;
import ca.passerelle.rehab.plan.FollowUpService;

/** A follow-up alert as coordinators see it. */
record AlertResponse(
        String alertId,
        String caseId,
        AlertKind kind,
        AlertSeverity severity,
        String reason,
        LocalDate checkpointDueOn,
        Instant raisedAt,
        String acknowledgedBy,
        Instant acknowledgedAt) {

    static AlertResponse from(FollowUpService.CaseAlert caseAlert) {
        FollowUpAlert alert = caseAlert.alert();
        return new AlertResponse(alert.alertId(), caseAlert.caseId(), alert.kind(), alert.severity(), alert.reason(),
                alert.checkpointDueOn(), alert.raisedAt(), alert.acknowledgedBy(), alert.acknowledgedAt());
    }
}
