package ca.passerelle.intake.cases;

/** The kinds of update a case receives after it was opened; each raises one event. */
public enum UpdateKind {
    CONSERVATIVE_CARE_SESSION,
    IMAGING,
    SYMPTOMS,
    RED_FLAGS,
    CONSENT_GIVEN,
    CONSENT_WITHDRAWN,
    DOCUMENT,
    CLOSURE
}
