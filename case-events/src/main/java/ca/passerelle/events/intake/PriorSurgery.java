package ca.passerelle.events.intake;

import java.time.LocalDate;

import ca.passerelle.events.Contract;

/**
 * A spine surgery the patient had before the referral, coded.
 *
 * @param levels the operated levels, e.g. {@code L4-L5}; null when not known
 */
public record PriorSurgery(LocalDate performedOn, SpineProcedure procedure, String levels) {

    public PriorSurgery {
        Contract.require(performedOn, "performedOn");
        Contract.require(procedure, "procedure");
    }
}
