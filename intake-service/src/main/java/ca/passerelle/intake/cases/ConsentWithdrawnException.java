package ca.passerelle.intake.cases;

import ca.passerelle.platform.web.ConflictException;

/** The patient withdrew consent to care coordination: nothing but a consent change is accepted, 409 {@value #PROBLEM}. */
public class ConsentWithdrawnException extends ConflictException {

    public static final String PROBLEM = "consent-withdrawn";

    public ConsentWithdrawnException() {
        super("The patient withdrew consent to care coordination; only a new consent (or closing the case) is accepted");
    }
}
