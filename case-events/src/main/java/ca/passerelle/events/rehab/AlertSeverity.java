package ca.passerelle.events.rehab;

/** How fast a coordinator must act on an alert. */
public enum AlertSeverity {
    URGENT,
    HIGH,
    MEDIUM
}
