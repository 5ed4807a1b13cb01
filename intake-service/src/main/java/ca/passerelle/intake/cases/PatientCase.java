package ca.passerelle.intake.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import ca.passerelle.events.intake.CareModality;
import ca.passerelle.events.intake.CaseClosed;
import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.events.intake.ClosureReason;
import ca.passerelle.events.intake.ConsentChanged;
import ca.passerelle.events.intake.ConsentPurpose;
import ca.passerelle.events.intake.ConservativeCareSessionRecorded;
import ca.passerelle.events.intake.DocumentAttached;
import ca.passerelle.events.intake.DocumentKind;
import ca.passerelle.events.intake.ImagingRecorded;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.events.intake.RedFlagReported;
import ca.passerelle.events.intake.SessionResponse;
import ca.passerelle.events.intake.SymptomsReported;
import ca.passerelle.platform.messaging.AggregateDocument;
import ca.passerelle.platform.web.InvalidInputException;
import ca.passerelle.platform.web.RuleViolationException;

/**
 * One patient's case as intake knows it: the identity (which never leaves this service), the clinical picture at
 * referral kept current by the clinic's updates, the consents with their evidence, what the RAMQ number disagreed with, and
 * the history of updates. Opening it raises {@link CaseOpened}; each update raises its own event, written in the same
 * document save as the change. No event carries a direct identifier or free text.
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
    private List<CareSession> conservativeCareSessions;
    private List<SymptomsReport> symptomReports;
    private List<AttachedDocument> documents;
    private Closure closure;
    private List<CaseUpdate> history;

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
            throw new InvalidInputException("a case is opened for a referring clinic");
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
            throw new InvalidInputException("dateOfBirth gives an impossible age (0 to 130 years)");
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
                symptoms.published(),
                redFlags,
                imaging.stream().map(ImagingStudy::published).toList(),
                conservativeCare.stream()
                        .map(c -> new ca.passerelle.events.intake.ConservativeCareCourse(c.modality(), c.startedOn(), c.endedOn(),
                                c.sessions(), c.supervised())).toList(),
                consents.grants());
    }

    /** The update this case recorded under the client's key, if any. */
    public Optional<CaseUpdate> updateWithKey(String idempotencyKey) {
        return history().stream().filter(update -> idempotencyKey.equals(update.idempotencyKey())).findFirst();
    }

    /** Records one conservative-care session; the provider's name stays here, the event says only whether it was supervised. */
    public CaseUpdate recordSession(CareModality modality, LocalDate performedOn, Integer durationMinutes, String provider,
            boolean supervised, SessionResponse response, UpdateContext context) {
        acceptsClinicalUpdates();
        Instant now = context.now();
        String sessionId = "s-" + UUID.randomUUID();
        SessionResponse judged = response == null ? SessionResponse.NOT_ASSESSED : response;
        conservativeCareSessions = append(conservativeCareSessions,
                new CareSession(sessionId, modality, performedOn, durationMinutes, provider, supervised, judged, now));
        raise(new ConservativeCareSessionRecorded(id, sessionId, modality, performedOn, durationMinutes, supervised, judged, now), now);
        return recorded(UpdateKind.CONSERVATIVE_CARE_SESSION, sessionId, context);
    }

    /** Adds an imaging study; only its codes travel on the event. */
    public CaseUpdate recordImaging(ImagingStudy study, UpdateContext context) {
        acceptsClinicalUpdates();
        Instant now = context.now();
        imaging = append(imaging, study);
        raise(new ImagingRecorded(id, study.published(), now), now);
        return recorded(UpdateKind.IMAGING, null, context);
    }

    /** Reports pain and (optionally) the ODI section scores, scored here; the report becomes the current picture. */
    public CaseUpdate reportSymptoms(LocalDate assessedOn, Integer painNrs, List<Integer> odiSectionScores, UpdateContext context) {
        acceptsClinicalUpdates();
        Instant now = context.now();
        Symptoms scored = Symptoms.score(painNrs, odiSectionScores);
        symptomReports = append(symptomReports, new SymptomsReport(assessedOn, scored, now));
        symptoms = scored;
        raise(new SymptomsReported(id, assessedOn, scored.published(), now), now);
        return recorded(UpdateKind.SYMPTOMS, null, context);
    }

    /** Reports red flags; the case keeps each flag once. */
    public CaseUpdate reportRedFlags(List<RedFlag> reported, UpdateContext context) {
        acceptsClinicalUpdates();
        if (reported == null || reported.isEmpty()) {
            throw new InvalidInputException("at least one red flag is reported");
        }
        Instant now = context.now();
        List<RedFlag> distinct = List.copyOf(new LinkedHashSet<>(reported));
        LinkedHashSet<RedFlag> all = new LinkedHashSet<>(redFlags == null ? List.of() : redFlags);
        all.addAll(distinct);
        redFlags = new ArrayList<>(all);
        raise(new RedFlagReported(id, distinct, now), now);
        return recorded(UpdateKind.RED_FLAGS, null, context);
    }

    /**
     * Gives or withdraws consent for one purpose, with its evidence. Accepted while the case is open even after care
     * coordination was withdrawn: that is how a patient consents again.
     */
    public CaseUpdate changeConsent(ConsentPurpose purpose, Consent decision, UpdateContext context) {
        acceptsAnyUpdate();
        Instant now = context.now();
        consents = consents.with(purpose, decision);
        raise(new ConsentChanged(id, purpose, decision.granted(), consents.grants(), now), now);
        return recorded(decision.granted() ? UpdateKind.CONSENT_GIVEN : UpdateKind.CONSENT_WITHDRAWN, purpose.name(), context);
    }

    /** Attaches a document already in the document store, by its id; no file name is kept. */
    public CaseUpdate attachDocument(String documentId, DocumentKind kind, String mediaType, long sizeBytes, String sha256,
            UpdateContext context) {
        acceptsClinicalUpdates();
        Instant now = context.now();
        documents = append(documents, new AttachedDocument(documentId, kind, mediaType, sizeBytes, sha256, now));
        raise(new DocumentAttached(id, documentId, kind, mediaType, sizeBytes, sha256, now), now);
        return recorded(UpdateKind.DOCUMENT, documentId, context);
    }

    /** Closes the case: terminal. Allowed after consent was withdrawn (closing is what usually follows). */
    public CaseUpdate close(ClosureReason reason, UpdateContext context) {
        acceptsAnyUpdate();
        Instant now = context.now();
        status = CaseStatus.CLOSED;
        closure = new Closure(reason, now);
        raise(new CaseClosed(id, reason, now), now);
        return recorded(UpdateKind.CLOSURE, null, context);
    }

    /** Whether a clinical update would be accepted now; throws the reason it would not. */
    public void acceptsClinicalUpdates() {
        acceptsAnyUpdate();
        if (!consents.grantsCareCoordination()) {
            throw new ConsentWithdrawnException();
        }
    }

    private void acceptsAnyUpdate() {
        if (status == CaseStatus.CLOSED) {
            throw new CaseClosedException();
        }
    }

    public boolean hasDocument(String documentId) {
        return documents().stream().anyMatch(document -> document.documentId().equals(documentId));
    }

    private CaseUpdate recorded(UpdateKind kind, String resourceId, UpdateContext context) {
        UpdateKey key = context.key();
        CaseUpdate update = new CaseUpdate("u-" + UUID.randomUUID(), kind, context.now(), context.recordedBy(), resourceId,
                key == null ? null : key.value(), key == null ? null : key.requestFingerprint());
        history = append(history, update);
        return update;
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> grown = list == null ? new ArrayList<>() : new ArrayList<>(list);
        grown.add(element);
        return grown;
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

    public List<CareSession> conservativeCareSessions() {
        return conservativeCareSessions == null ? List.of() : conservativeCareSessions;
    }

    public List<SymptomsReport> symptomReports() {
        return symptomReports == null ? List.of() : symptomReports;
    }

    public List<AttachedDocument> documents() {
        return documents == null ? List.of() : documents;
    }

    /** Null while the case is open. */
    public Closure closure() {
        return closure;
    }

    public List<CaseUpdate> history() {
        return history == null ? List.of() : history;
    }
}
