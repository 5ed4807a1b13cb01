package ca.passerelle.events.intake;

import java.time.LocalDate;

import ca.passerelle.events.Contract;

/** A spine surgery the patient had before the referral. */
public record PriorSurgery(LocalDate performedOn, String procedure, String levels) {

    public PriorSurgery {
        Contract.require(performedOn, "performedOn");
        Contract.requireText(procedure, "procedure");
    }
}
