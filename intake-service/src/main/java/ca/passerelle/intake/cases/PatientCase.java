package ca.passerelle.intake.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.platform.messaging.AggregateDocument;
import ca.passerelle.platform.web.RuleViolationException;

/**
 * One patient's case as intake knows it: the identity (which never leaves this service), the clinical picture at
 * referral, the consents with their evidence, and what the RAMQ number disagreed with. Opening it raises
 * {@link CaseOpened}, which carries no direct identifier.
 */
@Document("cases")
public class PatientCase extends AggregateDocument {

    /** Ages are counted in Québec, where the patient and the clinic are. */
    static final ZoneId QUEBEC = ZoneId.of("America/Toronto");
    public static final String CONSENT_REQUIRED = "care-coordination-consent-required";

    @Id
    private String id;
    /** The client's Idempotency-Key as sent; absent when it sent none. */
    private String idempotencyKey;
    /** The key scoped to the referring clinic ({@link IdempotencyKey#scopedTo}): unique among cases, absent without key, hence sparse. */
    @Indexed(unique = true, sparse = true)
    private String scopedIdempotencyKey;
    private String requestFingerprint;
    private String clinicId;
    private Instant openedAt;
    private CaseStatus status;
    private Patient patient;
    private Diagnosis diagnosis;
    private List<PriorSurgery> priorSurgeries;
    private Symptoms symptoms;
    private List<RedFlag> redFlags;
    private List<ImagingStudy> imaging;
    private List<ConservativeCareCourse> conservativeCare;
    private Consents consents;
    private List<RamqWarning> ramqWarnings;

    PatientCase() {
    }

    /**
     * Applies intake's rules to a submission and opens the case.
     *
     * @param idempotencyKey null when the client sent none
     * @throws RuleViolationException when care coordination was not consented to
     * @throws IllegalArgumentException when a value is impossible (RAMQ number, ODI, pain score, age)
     */
    public static PatientCase open(CaseId id, NewCase submission, IdempotencyKey idempotencyKey, Clock clock) {
        if (submission.clinicId() == null || submission.clinicId().isBlank()) {
            throw new IllegalArgumentException("a case is opened for a referring clinic");
        }
        Consents consents = submission.consents();
        if (consents == null || !consents.grantsCareCoordination()) {
            throw new RuleViolationException(CONSENT_REQUIRED,
                    "A case can only be opened once the patient has consented to care coordination");
        }
        Patient given = submission.patient();
        RamqNumber ramq = RamqNumber.parse(given.ramqNumber());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int age = given.ageOn(LocalDate.ofInstant(now, QUEBEC));
        if (age < 0 || age > 130) {
            throw new IllegalArgumentException("dateOfBirth gives an impossible age (0 to 130 years)");
        }

        PatientCase opened = new PatientCase();
        opened.id = id.value();
        if (idempotencyKey != null) {
            opened.idempotencyKey = idempotencyKey.value();
            opened.scopedIdempotencyKey = idempotencyKey.scopedTo(submission.clinicId());
            opened.requestFingerprint = idempotencyKey.requestFingerprint();
        }
        opened.clinicId = submission.clinicId();
        opened.openedAt = now;
        opened.status = CaseStatus.OPEN;
        opened.patient = given.withRamqNumber(ramq);
        opened.diagnosis = submission.diagnosis();
        opened.priorSurgeries = submission.priorSurgeries();
        opened.symptoms = Symptoms.score(submission.painNrs(), submission.odiSectionScores());
        opened.redFlags = submission.redFlags();
        opened.imaging = submission.imaging();
        opened.conservativeCare = submission.conservativeCare();
        opened.consents = consents;
        opened.ramqWarnings = ramq.warningsFor(given.familyNameAtBirth(), given.firstName(), given.dateOfBirth());
        opened.raise(opened.caseOpened(age), now);
        return opened;
    }

    /** The pseudonymous fact: clinical picture, age in years, region and language; no name, RAMQ, birth date or contact. */
    private CaseOpened caseOpened(int ageYears) {
        return new CaseOpened(id, clinicId, openedAt, diagnosis.icd10Code(), ageYears, patient.homeRegion(),
                patient.preferredLanguage(),
                priorSurgeries.stream()
                        .map(s -> new ca.passerelle.events.intake.PriorSurgery(s.performedOn(), s.procedure(), s.levels())).toList(),
                new ca.passerelle.events.intake.Symptoms(symptoms.painNrs(), symptoms.odiPercent()),
                redFlags,
                imaging.stream()
                        .map(i -> new ca.passerelle.events.intake.ImagingStudy(i.modality(), i.performedOn(), i.findingsSummary())).toList(),
                conservativeCare.stream()
                        .map(c -> new ca.passerelle.events.intake.ConservativeCareCourse(c.modality(), c.startedOn(), c.endedOn(),
                                c.sessions(), c.supervised())).toList(),
                consents.grants());
    }

    /** Whether a retry carrying this key, for this case's clinic, is the same request that opened this case. */
    boolean wasOpenedBy(IdempotencyKey key) {
        return key.scopedTo(clinicId).equals(scopedIdempotencyKey) && key.requestFingerprint().equals(requestFingerprint);
    }

    public CaseId id() {
        return new CaseId(id);
    }

    public String clinicId() {
        return clinicId;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public CaseStatus status() {
        return status;
    }

    public Patient patient() {
        return patient;
    }

    public Diagnosis diagnosis() {
        return diagnosis;
    }

    public List<PriorSurgery> priorSurgeries() {
        return priorSurgeries;
    }

    public Symptoms symptoms() {
        return symptoms;
    }

    public List<RedFlag> redFlags() {
        return redFlags;
    }

    public List<ImagingStudy> imaging() {
        return imaging;
    }

    public List<ConservativeCareCourse> conservativeCare() {
        return conservativeCare;
    }

    public Consents consents() {
        return consents;
    }

    public List<RamqWarning> ramqWarnings() {
        return ramqWarnings;
    }
}
