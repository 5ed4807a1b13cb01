package ca.passerelle.intake.cases;

/** Where a case stands from intake's point of view: open (updates accepted) or closed (terminal). */
public enum CaseStatus {
    OPEN,
    CLOSED
}
