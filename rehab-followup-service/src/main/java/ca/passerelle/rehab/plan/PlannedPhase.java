package ca.passerelle.rehab.plan;

import java.time.LocalDate;

import ca.passerelle.events.Contract;
import ca.passerelle.events.rehab.RehabPhase;

/** One phase of a plan: it starts on {@code startsOn} and ends on {@code endsOn}, the day the next phase starts. */
public record PlannedPhase(RehabPhase phase, LocalDate startsOn, LocalDate endsOn) {

    public PlannedPhase {
        Contract.require(phase, "phase");
        Contract.require(startsOn, "startsOn");
        Contract.require(endsOn, "endsOn");
        if (!endsOn.isAfter(startsOn)) {
            throw new IllegalArgumentException(phase + " must end after it starts: " + startsOn + " to " + endsOn);
        }
    }
}
