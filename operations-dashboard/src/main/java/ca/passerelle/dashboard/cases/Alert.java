package ca.passerelle.dashboard.cases;

import java.time.Instant;

import ca.passerelle.events.rehab.AlertKind;
import ca.passerelle.events.rehab.AlertSeverity;

/**
 * A follow-up alert of rehab-followup-service, as the raising and acknowledging events tell it (in any order).
 *
 * @param reason one plain sentence with the figures behind the alert (French, from the producer)
 * @param raisedAt null while only the acknowledgement has arrived
 * @param acknowledgedBy the coordinator's user id
 */
public record Alert(String alertId, AlertKind kind, AlertSeverity severity, String reason, Instant raisedAt,
        Instant acknowledgedAt, String acknowledgedBy) {

    /** Raised and not yet acknowledged. */
    public boolean open() {
        return raisedAt != null && acknowledgedAt == null;
    }

    /** This alert with what {@code other} (about the same alert id) adds. */
    Alert merge(Alert other) {
        return new Alert(alertId,
                kind != null ? kind : other.kind,
                severity != null ? severity : other.severity,
                reason != null ? reason : other.reason,
                raisedAt != null ? raisedAt : other.raisedAt,
                acknowledgedAt != null ? acknowledgedAt : other.acknowledgedAt,
                acknowledgedBy != null ? acknowledgedBy : other.acknowledgedBy);
    }
}
