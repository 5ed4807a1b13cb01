package ca.passerelle.intake.cases;

import ca.passerelle.platform.web.ConflictException;

/**
 * The referring clinic already has an open case for this RAMQ number: answered 409 {@value #PROBLEM}, without naming the
 * other case (the clinic finds it among its own cases; nothing tells a caller which case holds which patient).
 */
public class CaseAlreadyOpenException extends ConflictException {

    public static final String PROBLEM = "case-already-open";

    public CaseAlreadyOpenException() {
        super("This clinic already has an open case for this patient (same RAMQ number); update that case instead of opening another");
    }
}
