package ca.passerelle.intake.cases.web;

/**
 * A request body of intake's API. Bodies of this type are read strictly ({@link StrictCommandReading}): a field the request
 * does not define (a tenant, a status, a typo) or an unknown code is a 400, never silently dropped or defaulted.
 */
public interface IntakeCommand {
}
