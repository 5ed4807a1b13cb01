package ca.passerelle.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.intake.CareModality;
import ca.passerelle.events.intake.CaseClosed;
import ca.passerelle.events.intake.ClosureReason;
import ca.passerelle.events.intake.ConsentChanged;
import ca.passerelle.events.intake.ConsentGrants;
import ca.passerelle.events.intake.ConsentPurpose;
import ca.passerelle.events.intake.ConservativeCareSessionRecorded;
import ca.passerelle.events.intake.ImagingRecorded;
import ca.passerelle.events.intake.ImagingStudy;
import ca.passerelle.events.intake.RadiologicalFinding;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.events.intake.RedFlagReported;
import ca.passerelle.events.intake.SessionResponse;

/** Intake events after the opening, as intake-service publishes them, each with a fresh event id. */
final class IntakeEvents {

    static final ZoneId QUEBEC = ZoneId.of("America/Montreal");

    private IntakeEvents() {
    }

    static EventEnvelope session(String caseId, String sessionId, CareModality modality, LocalDate performedOn) {
        return envelope(new ConservativeCareSessionRecorded(caseId, sessionId, modality, performedOn, 45, true, SessionResponse.UNCHANGED,
                Instant.now()));
    }

    static EventEnvelope imaging(String caseId, RadiologicalFinding... findings) {
        return envelope(new ImagingRecorded(caseId, new ImagingStudy("CT", LocalDate.now(QUEBEC).minusDays(3), List.of(findings), "L4-L5"),
                Instant.now()));
    }

    static EventEnvelope redFlag(String caseId, RedFlag... flags) {
        return envelope(new RedFlagReported(caseId, List.of(flags), Instant.now()));
    }

    static EventEnvelope consents(String caseId, ConsentPurpose purpose, boolean granted, ConsentGrants inForce) {
        return envelope(new ConsentChanged(caseId, purpose, granted, inForce, Instant.now()));
    }

    static EventEnvelope closed(String caseId) {
        return envelope(new CaseClosed(caseId, ClosureReason.PATIENT_DECLINED, Instant.now()));
    }

    private static EventEnvelope envelope(Object payload) {
        return EventCodec.envelope(UUID.randomUUID().toString(), "/passerelle/intake-service", Instant.now(), 2, payload);
    }
}
