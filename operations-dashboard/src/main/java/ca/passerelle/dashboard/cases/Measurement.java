package ca.passerelle.dashboard.cases;

import java.time.LocalDate;

/**
 * One pain and disability measurement of the patient.
 *
 * @param kind when in the pathway it was taken
 * @param on the day it was assessed
 * @param nrs pain, numeric rating scale 0–10
 * @param odi Oswestry Disability Index in percent, or null when not measured
 * @param checkpointDueOn for a follow-up, the checkpoint it answers (null between checkpoints)
 */
public record Measurement(Kind kind, LocalDate on, Integer nrs, Double odi, LocalDate checkpointDueOn) {

    public enum Kind {
        /** Taken when the case was opened. */
        OPENING,
        /** Reported by the clinic before surgery (during conservative care). */
        PRE_OP,
        /** A rehabilitation follow-up report. */
        FOLLOW_UP
    }

    public boolean preOperative() {
        return kind != Kind.FOLLOW_UP;
    }
}
