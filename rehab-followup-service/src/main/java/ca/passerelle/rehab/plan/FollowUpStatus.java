package ca.passerelle.rehab.plan;

/** Where a case stands in this service. */
public enum FollowUpStatus {
    /** Known from intake, surgery not reported done yet. */
    AWAITING_SURGERY,
    /** Planned: reports, alerts and phase changes happen. */
    ACTIVE,
    /** Follow-up ended ({@code RehabCompleted} raised): nothing more happens. */
    COMPLETED,
    /** Stopped before any plan (consent withdrawn, case closed): a later surgery report plans nothing. */
    STOPPED
}
