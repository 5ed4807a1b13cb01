package ca.passerelle.rehab.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.intake.CaseClosed;
import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.events.intake.ClosureReason;
import ca.passerelle.events.intake.ConsentChanged;
import ca.passerelle.events.intake.ConsentGrants;
import ca.passerelle.events.intake.ConsentPurpose;
import ca.passerelle.events.travel.SurgeryCompleted;
import ca.passerelle.events.travel.SurgeryScheduled;

/** The consumed events of the integration tests: the golden samples, moved to a case (and clinic) of the test. */
final class CaseEvents {

    static final String INTAKE_SOURCE = "/passerelle/intake-service";
    static final String TRAVEL_SOURCE = "/passerelle/travel-coordination-service";

    private CaseEvents() {
    }

    static String newCaseId() {
        return "c-" + UUID.randomUUID();
    }

    static byte[] caseOpened(String caseId, String clinicId) {
        return caseOpened(caseId, clinicId, GoldenSamples.<CaseOpened>payload(EventCatalog.CASE_OPENED).homeRegion());
    }

    /** The golden CaseOpened (NRS 7, ODI 48 %, French-speaking) of {@code clinicId}, for a patient living in {@code homeRegion}. */
    static byte[] caseOpened(String caseId, String clinicId, String homeRegion) {
        EventEnvelope sample = GoldenSamples.envelope(EventCatalog.CASE_OPENED);
        CaseOpened golden = GoldenSamples.payload(EventCatalog.CASE_OPENED);
        CaseOpened opened = new CaseOpened(caseId, clinicId, golden.openedAt(), golden.diagnosisCode(), golden.ageYears(),
                homeRegion, golden.preferredLanguage(), golden.priorSurgeries(), golden.symptoms(), golden.redFlags(),
                golden.imaging(), golden.conservativeCare(), golden.consents());
        return EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(), INTAKE_SOURCE, sample.time(), sample.sequence(), opened));
    }

    static EventEnvelope surgeryCompleted(String caseId, String eventId) {
        EventEnvelope sample = GoldenSamples.envelope(EventCatalog.SURGERY_COMPLETED);
        SurgeryCompleted golden = GoldenSamples.payload(EventCatalog.SURGERY_COMPLETED);
        SurgeryCompleted completed = new SurgeryCompleted(caseId, golden.hospitalId(), golden.appointmentId(), golden.category(),
                golden.performedOn(), golden.dischargedOn(), golden.outcome(), golden.reportedAt());
        return EventCodec.envelope(eventId, TRAVEL_SOURCE, sample.time(), sample.sequence(), completed);
    }

    static byte[] surgeryCompleted(String caseId) {
        return EventCodec.write(surgeryCompleted(caseId, UUID.randomUUID().toString()));
    }

    /** The golden SurgeryCompleted (SIMPLE_DECOMPRESSION), performed on {@code performedOn}. */
    static byte[] surgeryCompleted(String caseId, LocalDate performedOn) {
        EventEnvelope sample = GoldenSamples.envelope(EventCatalog.SURGERY_COMPLETED);
        SurgeryCompleted golden = GoldenSamples.payload(EventCatalog.SURGERY_COMPLETED);
        SurgeryCompleted completed = new SurgeryCompleted(caseId, golden.hospitalId(), golden.appointmentId(), golden.category(),
                performedOn, performedOn.plusDays(2), golden.outcome(), performedOn.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
        return EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(), TRAVEL_SOURCE, sample.time(), sample.sequence(), completed));
    }

    /** Intake closes the case with {@code reason}: a terminal state, every service stops. */
    static byte[] caseClosed(String caseId, ClosureReason reason) {
        EventEnvelope sample = GoldenSamples.envelope(EventCatalog.CASE_CLOSED);
        CaseClosed closed = new CaseClosed(caseId, reason, Instant.now());
        return EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(), INTAKE_SOURCE, sample.time(), sample.sequence(), closed));
    }

    /** The patient withdraws the care-coordination consent: every service stops. */
    static byte[] careCoordinationWithdrawn(String caseId) {
        EventEnvelope sample = GoldenSamples.envelope(EventCatalog.CONSENT_CHANGED);
        ConsentChanged changed = new ConsentChanged(caseId, ConsentPurpose.CARE_COORDINATION, false, new ConsentGrants(false, false, false),
                Instant.now());
        return EventCodec.write(EventCodec.envelope(UUID.randomUUID().toString(), INTAKE_SOURCE, sample.time(), sample.sequence(), changed));
    }

    static EventEnvelope surgeryScheduled(String caseId) {
        EventEnvelope sample = GoldenSamples.envelope(EventCatalog.SURGERY_SCHEDULED);
        SurgeryScheduled golden = GoldenSamples.payload(EventCatalog.SURGERY_SCHEDULED);
        SurgeryScheduled scheduled = new SurgeryScheduled(caseId, golden.hospitalId(), golden.appointmentId(), golden.category(),
                golden.preOpConsultationOn(), golden.surgeryOn(), golden.fitToFlyOn(), golden.scheduledAt());
        return EventCodec.envelope(UUID.randomUUID().toString(), TRAVEL_SOURCE, sample.time(), sample.sequence(), scheduled);
    }
}
