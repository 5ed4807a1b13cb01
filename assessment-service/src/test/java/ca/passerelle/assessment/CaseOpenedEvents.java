package ca.passerelle.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.events.intake.ConsentGrants;
import ca.passerelle.events.intake.ConservativeCareCourse;
import ca.passerelle.events.intake.ImagingStudy;
import ca.passerelle.events.intake.RedFlag;

/**
 * CaseOpened envelopes for integration tests, made from the golden sample with a fresh case id and its dates moved so
 * that today stands where the sample's opening day stood: the sample's clinical picture, whatever day the tests run.
 */
final class CaseOpenedEvents {

    private static final ZoneId QUEBEC = ZoneId.of("America/Montreal");
    /** The referring clinic of the golden sample, {@code clinic-qc-laval-01}. */
    static final String SAMPLE_CLINIC = GoldenSamples.payload(EventCatalog.CASE_OPENED).clinicId();

    private CaseOpenedEvents() {
    }

    static String newCaseId() {
        return "c-" + UUID.randomUUID();
    }

    static EventEnvelope caseOpened(String caseId, RedFlag... redFlags) {
        return caseOpened(caseId, SAMPLE_CLINIC, sampleCare(), List.of(redFlags));
    }

    static EventEnvelope caseOpened(String caseId, List<ConservativeCareCourse> care, List<RedFlag> redFlags) {
        return caseOpened(caseId, SAMPLE_CLINIC, care, redFlags);
    }

    /** The sample's case, verified under the default policy, with these consents in force. */
    static EventEnvelope caseOpened(String caseId, ConsentGrants consents) {
        return caseOpened(caseId, SAMPLE_CLINIC, sampleCare(), List.of(), consents);
    }

    /** The sample's case with this care and these consents. */
    static EventEnvelope caseOpened(String caseId, List<ConservativeCareCourse> care, ConsentGrants consents) {
        return caseOpened(caseId, SAMPLE_CLINIC, care, List.of(), consents);
    }

    /** The sample's case, verified under the default policy, referred by {@code clinicId}. */
    static EventEnvelope caseOpenedBy(String clinicId, String caseId) {
        return caseOpened(caseId, clinicId, sampleCare(), List.of());
    }

    /** The sample's care, moved so that it ends as many days before today as it ended before the sample's opening. */
    private static List<ConservativeCareCourse> sampleCare() {
        CaseOpened sample = GoldenSamples.payload(EventCatalog.CASE_OPENED);
        long shift = ChronoUnit.DAYS.between(LocalDate.ofInstant(sample.openedAt(), QUEBEC), LocalDate.now(QUEBEC));
        return sample.conservativeCare().stream()
                .map(course -> new ConservativeCareCourse(course.modality(), course.startedOn().plusDays(shift),
                        course.endedOn().plusDays(shift), course.sessions(), course.supervised()))
                .toList();
    }

    private static EventEnvelope caseOpened(String caseId, String clinicId, List<ConservativeCareCourse> care, List<RedFlag> redFlags) {
        return caseOpened(caseId, clinicId, care, redFlags, GoldenSamples.payload(EventCatalog.CASE_OPENED).consents());
    }

    private static EventEnvelope caseOpened(String caseId, String clinicId, List<ConservativeCareCourse> care, List<RedFlag> redFlags,
            ConsentGrants consents) {
        CaseOpened sample = GoldenSamples.payload(EventCatalog.CASE_OPENED);
        Instant now = Instant.now();
        List<ImagingStudy> imaging = sample.imaging().stream()
                .map(study -> new ImagingStudy(study.modality(), LocalDate.now(QUEBEC).minusWeeks(6), study.findings(), study.levels()))
                .toList();
        CaseOpened opened = new CaseOpened(caseId, clinicId, now, sample.diagnosisCode(), sample.ageYears(), sample.homeRegion(),
                sample.preferredLanguage(), sample.priorSurgeries(), sample.symptoms(), redFlags, imaging, care, consents);
        return EventCodec.envelope(UUID.randomUUID().toString(), "/passerelle/intake-service", now, 1, opened);
    }
}
