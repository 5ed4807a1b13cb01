package ca.passerelle.events.intake;

import java.time.Instant;
import java.time.LocalDate;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/** Emitted by intake-service when the clinic reports a new pain and disability measurement (NRS, ODI scored by intake). */
public record SymptomsReported(String caseId, LocalDate assessedOn, Symptoms symptoms, Instant recordedAt) implements CasePayload {

    public SymptomsReported {
        Contract.requireText(caseId, "caseId");
        Contract.require(assessedOn, "assessedOn");
        Contract.require(symptoms, "symptoms");
        Contract.require(recordedAt, "recordedAt");
    }
}
