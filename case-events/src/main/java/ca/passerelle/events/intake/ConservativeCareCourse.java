package ca.passerelle.events.intake;

import java.time.LocalDate;

import ca.passerelle.events.Contract;

/** A course of conservative care: one modality, its dates, how many sessions, and whether a professional supervised it. */
public record ConservativeCareCourse(CareModality modality, LocalDate startedOn, LocalDate endedOn, Integer sessions, boolean supervised) {

    public ConservativeCareCourse {
        Contract.require(modality, "modality");
        Contract.require(startedOn, "startedOn");
        Contract.require(endedOn, "endedOn");
        if (endedOn.isBefore(startedOn)) {
            throw new IllegalArgumentException("endedOn must not be before startedOn");
        }
        Contract.require(sessions, "sessions");
        if (sessions < 0) {
            throw new IllegalArgumentException("sessions must not be negative");
        }
    }
}
