package ca.passerelle.events.rehab;

import java.time.LocalDate;

import ca.passerelle.events.Contract;

/** When one rehabilitation phase starts and ends. */
public record PhaseWindow(RehabPhase phase, LocalDate startsOn, LocalDate endsOn) {

    public PhaseWindow {
        Contract.require(phase, "phase");
        Contract.require(startsOn, "startsOn");
        Contract.require(endsOn, "endsOn");
    }
}
