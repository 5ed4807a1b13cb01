package ca.passerelle.rehab.plan;

import java.util.UUID;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.intake.CaseOpened;
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
        EventEnvelope sample = GoldenSamples.envelope(EventCatalog.CASE_OPENED);
        CaseOpened golden = GoldenSamples.payload(EventCatalog.CASE_OPENED);
        CaseOpened opened = new CaseOpened(caseId, clinicId, golden.openedAt(), golden.diagnosisCode(), golden.ageYears(),
                golden.homeRegion(), golden.preferredLanguage(), golden.priorSurgeries(), golden.symptoms(), golden.redFlags(),
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

    static EventEnvelope surgeryScheduled(String caseId) {
        EventEnvelope sample = GoldenSamples.envelope(EventCatalog.SURGERY_SCHEDULED);
        SurgeryScheduled golden = GoldenSamples.payload(EventCatalog.SURGERY_SCHEDULED);
        SurgeryScheduled scheduled = new SurgeryScheduled(caseId, golden.hospitalId(), golden.appointmentId(), golden.category(),
                golden.preOpConsultationOn(), golden.surgeryOn(), golden.fitToFlyOn(), golden.scheduledAt());
        return EventCodec.envelope(UUID.randomUUID().toString(), TRAVEL_SOURCE, sample.time(), sample.sequence(), scheduled);
    }
}
