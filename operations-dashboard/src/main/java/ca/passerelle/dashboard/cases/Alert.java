package ca.passerelle.dashboard.cases;

import java.time.Instant;
import java.util.List;

import ca.passerelle.events.rehab.AlertKind;
import ca.passerelle.events.rehab.AlertSeverity;

/**
 * An alert a coordinator must act on, open until acknowledged. Two owners:
 * <ul>
 * <li>{@link Owner#REHAB}: a follow-up alert of rehab-followup-service, as the raising and acknowledging events tell it
 * (in any order); acknowledged through the rehab service, which owns it;</li>
 * <li>{@link Owner#DASHBOARD}: the urgent-referral alert ({@link #URGENT_REFERRAL_ID}, one per case) the dashboard
 * raises itself when it projects {@code UrgentReferralRequired} — no service emits an alert event for a red flag, the
 * case is simply closed, so the dashboard owns this alert and its acknowledgement
 * ({@link UrgentReferralAcknowledgement}).</li>
 * </ul>
 *
 * @param kind the rehab alert's kind; null for the urgent-referral alert
 * @param reason one plain sentence with the figures behind the alert (French, from the producer); for the urgent
 *        referral, the red-flag codes only
 * @param raisedAt null while only the acknowledgement has arrived
 * @param acknowledgedBy the coordinator's user id
 * @param owner who raised it and takes its acknowledgement; null (older documents) means {@link Owner#REHAB}
 * @param redFlags the red-flag codes behind an urgent referral; empty for follow-up alerts
 */
public record Alert(String alertId, AlertKind kind, AlertSeverity severity, String reason, Instant raisedAt,
        Instant acknowledgedAt, String acknowledgedBy, Owner owner, List<String> redFlags) {

    /** The id of a case's urgent-referral alert (there is at most one per case). */
    public static final String URGENT_REFERRAL_ID = "urgent-referral";

    public Alert {
        redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
    }

    /** A follow-up alert of rehab-followup-service. */
    static Alert followUp(String alertId, AlertKind kind, AlertSeverity severity, String reason, Instant raisedAt,
            Instant acknowledgedAt, String acknowledgedBy) {
        return new Alert(alertId, kind, severity, reason, raisedAt, acknowledgedAt, acknowledgedBy, Owner.REHAB, List.of());
    }

    /** The dashboard's own urgent alert for a red-flag case: severity URGENT, the reason names the flag codes only. */
    static Alert urgentReferral(List<String> redFlagCodes, Instant raisedAt) {
        return new Alert(URGENT_REFERRAL_ID, null, AlertSeverity.URGENT,
                "Orientation urgente : signaux d’alarme " + String.join(", ", redFlagCodes), raisedAt, null, null,
                Owner.DASHBOARD, redFlagCodes);
    }

    /** Raised and not yet acknowledged. */
    public boolean open() {
        return raisedAt != null && acknowledgedAt == null;
    }

    /** The dashboard's own urgent-referral alert (acknowledged on the dashboard), not a rehab follow-up alert. */
    public boolean urgentReferral() {
        return owner == Owner.DASHBOARD;
    }

    /** This alert acknowledged (if not already) by this coordinator at this time. */
    Alert acknowledged(Instant at, String by) {
        return acknowledgedAt != null ? this
                : new Alert(alertId, kind, severity, reason, raisedAt, at, by, owner, redFlags);
    }

    /** This alert with what {@code other} (about the same alert id) adds. */
    Alert merge(Alert other) {
        return new Alert(alertId,
                kind != null ? kind : other.kind,
                severity != null ? severity : other.severity,
                reason != null ? reason : other.reason,
                raisedAt != null ? raisedAt : other.raisedAt,
                acknowledgedAt != null ? acknowledgedAt : other.acknowledgedAt,
                acknowledgedBy != null ? acknowledgedBy : other.acknowledgedBy,
                owner != null ? owner : other.owner,
                !redFlags.isEmpty() ? redFlags : other.redFlags);
    }

    /** Who raised the alert and takes its acknowledgement. */
    public enum Owner {
        /** rehab-followup-service (FollowUpAlertRaised / FollowUpAlertAcknowledged). */
        REHAB,
        /** The dashboard itself (the urgent referral of a red-flag case). */
        DASHBOARD
    }
}
