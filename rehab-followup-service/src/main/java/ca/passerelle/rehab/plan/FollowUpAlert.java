package ca.passerelle.rehab.plan;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import ca.passerelle.events.rehab.AlertKind;
import ca.passerelle.events.rehab.AlertSeverity;

/**
 * An alert to coordinators, kept in the plan's document. Its id is derived from what it is about (case, checkpoint or
 * report, kind), so whichever instance or retry finds the same problem again finds the same alert and raises nothing new.
 *
 * @param anchor what the alert is about: a checkpoint's due date, a report id or a consumed event id
 * @param reason one plain sentence with the figures behind the alert, never free text from a report
 */
public record FollowUpAlert(
        String alertId,
        AlertKind kind,
        AlertSeverity severity,
        String anchor,
        LocalDate checkpointDueOn,
        String reason,
        Instant raisedAt,
        String acknowledgedBy,
        Instant acknowledgedAt) {

    /** The deterministic id of the alert of {@code kind} about {@code anchor} in case {@code caseId}. */
    public static String idFor(String caseId, String anchor, AlertKind kind) {
        return "al-" + UUID.nameUUIDFromBytes((caseId + "|" + anchor + "|" + kind.name()).getBytes(StandardCharsets.UTF_8));
    }

    public boolean isOpen() {
        return acknowledgedAt == null;
    }

    FollowUpAlert acknowledged(String by, Instant at) {
        return new FollowUpAlert(alertId, kind, severity, anchor, checkpointDueOn, reason, raisedAt, by, at);
    }
}
