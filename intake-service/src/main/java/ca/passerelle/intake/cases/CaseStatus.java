package ca.passerelle.intake.cases;

/** Where a case stands from intake's point of view; later statuses arrive with the case-update work. */
public enum CaseStatus {
    OPEN
}
