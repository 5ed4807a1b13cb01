package ca.passerelle.rehab.plan;

import java.time.LocalDate;

import ca.passerelle.events.Contract;

/** A date on which the Québec clinic reports pain (NRS), disability (ODI), complications and adherence. */
public record Checkpoint(LocalDate dueOn, String label) {

    public Checkpoint {
        Contract.require(dueOn, "dueOn");
        Contract.requireText(label, "label");
    }
}
