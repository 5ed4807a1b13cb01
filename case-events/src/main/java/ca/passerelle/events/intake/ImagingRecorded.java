package ca.passerelle.events.intake;

import java.time.Instant;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/** Emitted by intake-service when the clinic adds an imaging study to a case (coded findings only). */
public record ImagingRecorded(String caseId, ImagingStudy study, Instant recordedAt) implements CasePayload {

    public ImagingRecorded {
        Contract.requireText(caseId, "caseId");
        Contract.require(study, "study");
        Contract.require(recordedAt, "recordedAt");
    }
}
