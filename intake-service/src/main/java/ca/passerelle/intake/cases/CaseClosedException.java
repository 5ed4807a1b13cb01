package ca.passerelle.intake.cases;

import ca.passerelle.platform.web.ConflictException;

/** The case is closed, a terminal state: answered 409 {@value #PROBLEM}. */
public class CaseClosedException extends ConflictException {

    public static final String PROBLEM = "case-closed";

    public CaseClosedException() {
        super("This case is closed; it accepts no further update");
    }
}
