package ca.passerelle.intake.cases;

/** How the patient gave (or refused) a consent. */
public enum ConsentMethod {
    WRITTEN,
    ELECTRONIC,
    VERBAL
}
