package ca.passerelle.travel.booking;

/** Another driver pass owns this booking's step, or it is waiting for its back-off: leave it alone. */
class StepNotDueException extends RuntimeException {

    StepNotDueException(String caseId) {
        super("No step due for " + caseId, null, false, false);
    }
}
