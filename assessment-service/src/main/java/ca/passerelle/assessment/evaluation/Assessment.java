package ca.passerelle.assessment.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ca.passerelle.events.assessment.ConservativeCareInsufficient;
import ca.passerelle.events.assessment.ConservativeCareVerified;
import ca.passerelle.events.assessment.FbssCause;
import ca.passerelle.events.assessment.SurgeryNotIndicated;
import ca.passerelle.events.assessment.SurgeryRecommended;
import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.assessment.UrgentReferralRequired;
import ca.passerelle.events.intake.ClosureReason;
import ca.passerelle.events.intake.ConsentGrants;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.platform.messaging.AggregateDocument;
import ca.passerelle.platform.web.InvalidInputException;
import ca.passerelle.platform.web.RuleViolationException;

/**
 * The assessment of one case, one document keyed by the case id. It keeps the facts intake sent — the opened case,
 * sessions (by session id), imaging studies, scores, red flags, the latest consents, closure — as sets, and after each
 * new fact decides again from all of them, so the same facts in any order, duplicates included, end in the same state.
 * Facts that arrive before {@code CaseOpened} are kept and applied when it arrives. Events are raised in the same write,
 * only when something changes: a verification verdict that flips, and once each {@code UrgentReferralRequired},
 * {@code SurgeryRecommended} (only when every condition of {@link #gating()} holds) and {@code SurgeryNotIndicated}.
 */
@Document("assessments")
public class Assessment extends AggregateDocument {

    /** Care dates are Québec dates. */
    static final ZoneId CARE_ZONE = ZoneId.of("America/Montreal");

    static final String NOT_AWAITING_EVALUATION = "assessment-not-awaiting-evaluation";
    static final String PAUSED = "assessment-paused";
    static final String RATIONALE_TO_DEPART = "rationale-required-to-depart-from-suggestion";

    @Id
    private final String caseId;
    /** The referring clinic, the tenant that owns the case (from {@code CaseOpened.clinicId}); null until opened. */
    private String clinicId;
    private AssessmentStatus status;
    private ClinicalPicture picture;
    private List<RedFlag> redFlags = new ArrayList<>();
    private List<CareSession> sessions = new ArrayList<>();
    private List<Imaging> recordedImaging = new ArrayList<>();
    private List<ScoreReport> reportedScores = new ArrayList<>();
    private ConsentGrants consents;
    private Instant consentsAsOf;
    private ClosureReason closureReason;
    private Instant closedAt;
    private CareVerification verification;
    /** The last verification verdict published, so that only a change is published. */
    private CareVerification.Outcome announcedOutcome;
    private Suggestion suggestion;
    private Evaluation evaluation;
    private boolean urgentReferralRaised;
    private boolean surgeryRecommendedRaised;
    private boolean surgeryNotIndicatedRaised;
    private Instant updatedAt;

    public Assessment(String caseId) {
        this.caseId = caseId;
    }

    /** The case was opened at intake: its picture joins whatever arrived before it, and the case is assessed. */
    public void open(ClinicalPicture opened, ConservativeCarePolicy policy, Instant now) {
        if (picture != null) {
            return;
        }
        picture = opened;
        clinicId = opened.clinicId();
        addRedFlags(opened.redFlags());
        if (opened.consents() != null) {
            takeConsents(opened.consents(), opened.openedAt());
        }
        reassess(policy, now);
    }

    /** A conservative-care session; the same session id twice counts once. */
    public void recordSession(CareSession session, ConservativeCarePolicy policy, Instant now) {
        Optional<CareSession> known = sessions.stream().filter(it -> it.sessionId().equals(session.sessionId())).findFirst();
        if (known.isPresent() && !session.recordedAt().isAfter(known.get().recordedAt())) {
            return;
        }
        known.ifPresent(sessions::remove);
        sessions.add(session);
        sessions.sort(Comparator.comparing(CareSession::sessionId));
        reassess(policy, now);
    }

    /** A new imaging study: its findings feed decision support. The same study twice counts once. */
    public void recordImaging(Imaging imaging, ConservativeCarePolicy policy, Instant now) {
        if (recordedImaging.contains(imaging)) {
            return;
        }
        recordedImaging.add(imaging);
        recordedImaging.sort(Imaging.CHRONOLOGICAL);
        reassess(policy, now);
    }

    /** A new pain and disability measurement: the latest one says whether care failed to relieve. */
    public void recordScores(ScoreReport scores, ConservativeCarePolicy policy, Instant now) {
        if (reportedScores.contains(scores)) {
            return;
        }
        reportedScores.add(scores);
        reportedScores.sort(ScoreReport.CHRONOLOGICAL);
        reassess(policy, now);
    }

    /** Red flags reported on the case: the tourism pathway stops for good, whatever arrives afterwards. */
    public void reportRedFlags(List<RedFlag> flags, ConservativeCarePolicy policy, Instant now) {
        if (redFlags.containsAll(flags)) {
            return;
        }
        addRedFlags(flags);
        reassess(policy, now);
    }

    /**
     * The consents in force as of {@code changedAt}; an older change arriving late is ignored, so the latest consents win
     * in any order (two changes at the same instant: the more restrictive wins).
     */
    public void changeConsents(ConsentGrants grants, Instant changedAt, ConservativeCarePolicy policy, Instant now) {
        if (!takeConsents(grants, changedAt)) {
            return;
        }
        reassess(policy, now);
    }

    /** Intake closed the case: terminal, nothing is published any more. */
    public void close(ClosureReason reason, Instant at, ConservativeCarePolicy policy, Instant now) {
        if (closedAt != null) {
            return;
        }
        closureReason = reason;
        closedAt = at;
        reassess(policy, now);
    }

    /**
     * Records the specialist's evaluation and who made it (the token's subject, an account id, never a name). It may come
     * before conservative care is verified: the recommendation then waits for every condition of {@link #gating()}. A
     * terminal case or one already evaluated refuses it, and so does a paused one; declining needs a rationale, closes
     * the case and is published at once. The specialist may choose otherwise than decision support suggests, with a
     * rationale, which is kept with the suggestion they departed from.
     */
    public void evaluate(SpecialistDecision decision, List<FbssCause> probableCauses, String rationale, String evaluatedBy,
            ConservativeCarePolicy policy, Instant now) {
        evaluate(decision, probableCauses, List.of(), rationale, evaluatedBy, policy, now);
    }

    /**
     * Records the specialist's evaluation with the imaging findings they read ({@code imagingFindings}, coded: study, date,
     * levels, findings). Those findings join the studies intake recorded, so decision support reads them all; whether the
     * decision departs from the suggestion is judged on that suggestion.
     */
    public void evaluate(SpecialistDecision decision, List<FbssCause> probableCauses, List<Imaging> imagingFindings, String rationale,
            String evaluatedBy, ConservativeCarePolicy policy, Instant now) {
        if (status == null || status.terminal() || evaluation != null) {
            throw new RuleViolationException(NOT_AWAITING_EVALUATION,
                    "case " + caseId + " is " + (evaluation != null ? "already evaluated" : status) + "; it accepts no evaluation");
        }
        if (status == AssessmentStatus.PAUSED) {
            throw new RuleViolationException(PAUSED,
                    "consent to care coordination is withdrawn for case " + caseId + "; nothing is decided until it is given again");
        }
        if (decision == null) {
            throw new InvalidInputException("decision is required");
        }
        if (decision == SpecialistDecision.NOT_A_CANDIDATE && (rationale == null || rationale.isBlank())) {
            throw new InvalidInputException("rationale is required when the patient is not a candidate");
        }
        if (evaluatedBy == null || evaluatedBy.isBlank()) {
            throw new InvalidInputException("the evaluating specialist is required");
        }
        List<Imaging> readings = imagingFindings == null ? List.of() : List.copyOf(imagingFindings);
        Suggestion withReadings = readings.isEmpty() ? suggestion
                : DecisionSupport.suggest(Stream.concat(allImaging().stream(), readings.stream()).distinct().toList(), picture.priorSurgeries(),
                        picture.ageYears());
        SurgicalCategory suggested = withReadings == null ? null : withReadings.category();
        Evaluation decided = new Evaluation(decision, probableCauses, rationale, evaluatedBy, now, suggested, readings);
        if (decided.departsFromSuggestion() && (rationale == null || rationale.isBlank())) {
            throw new RuleViolationException(RATIONALE_TO_DEPART,
                    "decision support suggests " + suggested + "; a rationale is required to decide " + decision);
        }
        evaluation = decided;
        reassess(policy, now);
    }

    /**
     * Verifies care again as of {@code now}, with no new fact: a course planned past the last verification has gone on
     * since, so the minimum duration may hold today. Publishes only what changed, like every other re-verification.
     */
    public void recheck(ConservativeCarePolicy policy, Instant now) {
        reassess(policy, now);
    }

    /** Decides again from every fact known; publishes only what changed. */
    private void reassess(ConservativeCarePolicy policy, Instant now) {
        updatedAt = now;
        if (picture == null) {
            return;
        }
        if (!terminal() && !paused()) {
            if (!redFlags.isEmpty()) {
                urgentReferralRaised = true;
                raise(new UrgentReferralRequired(caseId, redFlags, now), now);
            } else {
                suggestion = DecisionSupport.suggest(allImaging(), picture.priorSurgeries(), picture.ageYears());
                verify(policy, now);
                if (evaluation != null && evaluation.decision() == SpecialistDecision.NOT_A_CANDIDATE) {
                    surgeryNotIndicatedRaised = true;
                    raise(new SurgeryNotIndicated(caseId, evaluation.rationale(), now), now);
                } else if (!surgeryRecommendedRaised && gating().open()) {
                    surgeryRecommendedRaised = true;
                    raise(new SurgeryRecommended(caseId, evaluation.decision().category().orElseThrow(), evaluation.probableCauses(),
                            evaluation.rationale(), now), now);
                }
            }
        }
        status = currentStatus();
    }

    /**
     * Verifies care again from every fact; publishes the verdict when it changes, until surgery is recommended (the
     * recommendation then stands, and the view keeps showing the latest verdict).
     */
    private void verify(ConservativeCarePolicy policy, Instant now) {
        verification = policy.verify(picture.conservativeCare(), sessions, allScores(), headingFor(), LocalDate.ofInstant(now, CARE_ZONE));
        if (verification.outcome() == announcedOutcome || surgeryRecommendedRaised) {
            return;
        }
        announcedOutcome = verification.outcome();
        if (verification.verified()) {
            raise(new ConservativeCareVerified(caseId, now, verification.supervisedDays(), verification.sessions(),
                    verification.modalities(), verification.evidenceSummary()), now);
        } else {
            raise(new ConservativeCareInsufficient(caseId, now, verification.missing(), verification.earliestEligibleOn()), now);
        }
    }

    /** The category the case is heading for: the specialist's, else the one decision support suggests. */
    private SurgicalCategory headingFor() {
        if (evaluation != null) {
            return evaluation.decision().category().orElse(null);
        }
        return suggestion == null ? null : suggestion.category();
    }

    /** Which conditions of {@code SurgeryRecommended} hold and which are missing, in a fixed order. */
    public Gating gating() {
        List<String> holds = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        check(redFlags.isEmpty(), Gating.NO_RED_FLAG, Gating.RED_FLAG_REPORTED, holds, missing);
        check(!paused(), Gating.CARE_COORDINATION_CONSENT, Gating.CARE_COORDINATION_CONSENT_WITHDRAWN, holds, missing);
        check(verification != null && verification.verified(), Gating.CARE_VERIFIED, Gating.CARE_NOT_VERIFIED, holds, missing);
        check(evaluation != null && evaluation.decision().category().isPresent(), Gating.EVALUATION_RECOMMENDS_SURGERY,
                evaluation == null ? Gating.EVALUATION_MISSING : Gating.EVALUATION_DECLINED, holds, missing);
        check(consents != null && consents.careCoordination() && consents.crossBorderCommunication(), Gating.CROSS_BORDER_CONSENT,
                Gating.CROSS_BORDER_CONSENT_MISSING, holds, missing);
        check(closedAt == null, Gating.CASE_OPEN, Gating.CASE_CLOSED, holds, missing);
        return new Gating(holds, missing);
    }

    private static void check(boolean holding, String holdsName, String missingName, List<String> holds, List<String> missing) {
        (holding ? holds : missing).add(holding ? holdsName : missingName);
    }

    private AssessmentStatus currentStatus() {
        if (urgentReferralRaised) {
            return AssessmentStatus.URGENT_REFERRAL;
        }
        if (closedAt != null) {
            return AssessmentStatus.CLOSED;
        }
        if (surgeryNotIndicatedRaised) {
            return AssessmentStatus.NOT_A_CANDIDATE;
        }
        if (paused()) {
            return AssessmentStatus.PAUSED;
        }
        if (surgeryRecommendedRaised) {
            return AssessmentStatus.SURGERY_RECOMMENDED;
        }
        if (verification == null || !verification.verified()) {
            return AssessmentStatus.CONSERVATIVE_CARE_INSUFFICIENT;
        }
        return evaluation == null ? AssessmentStatus.AWAITING_EVALUATION : AssessmentStatus.AWAITING_CONSENT;
    }

    private boolean terminal() {
        return urgentReferralRaised || surgeryNotIndicatedRaised || closedAt != null;
    }

    private boolean paused() {
        return consents != null && !consents.careCoordination();
    }

    private void addRedFlags(List<RedFlag> flags) {
        redFlags = Stream.concat(redFlags.stream(), flags.stream()).distinct().sorted().collect(Collectors.toCollection(ArrayList::new));
    }

    private boolean takeConsents(ConsentGrants grants, Instant asOf) {
        if (consentsAsOf != null && asOf.isBefore(consentsAsOf)) {
            return false;
        }
        ConsentGrants taken = consentsAsOf != null && asOf.equals(consentsAsOf)
                ? new ConsentGrants(consents.careCoordination() && grants.careCoordination(),
                        consents.crossBorderCommunication() && grants.crossBorderCommunication(), consents.research() && grants.research())
                : grants;
        boolean changed = !taken.equals(consents);
        consents = taken;
        consentsAsOf = asOf;
        return changed;
    }

    /** Imaging of the opened case, every study recorded since and the specialist's readings, oldest first, each once. */
    List<Imaging> allImaging() {
        Stream<Imaging> readings = evaluation == null ? Stream.empty() : evaluation.imagingFindings().stream();
        return Stream.concat(Stream.concat(picture.imaging().stream(), recordedImaging.stream()), readings).distinct()
                .sorted(Imaging.CHRONOLOGICAL).toList();
    }

    /** Every imaging study decision support reads: intake's and the specialist's readings; empty until opened. */
    public List<Imaging> imaging() {
        return picture == null ? List.of() : allImaging();
    }

    /** The scores of the opened case (assessed the day it was opened) and every later report. */
    private List<ScoreReport> allScores() {
        ScoreReport atOpening = new ScoreReport(LocalDate.ofInstant(picture.openedAt(), CARE_ZONE), picture.openedAt(), picture.painNrs(),
                picture.odiPercent());
        return Stream.concat(Stream.of(atOpening), reportedScores.stream()).distinct().toList();
    }

    public String caseId() {
        return caseId;
    }

    /** The clinic that referred the case; null while the case is not opened. */
    public String clinicId() {
        return clinicId != null ? clinicId : picture == null ? null : picture.clinicId();
    }

    /** Whether {@code CaseOpened} has arrived; until then the case is unknown to readers. */
    public boolean opened() {
        return picture != null;
    }

    public AssessmentStatus status() {
        return status;
    }

    public ClinicalPicture picture() {
        return picture;
    }

    public List<RedFlag> redFlags() {
        return List.copyOf(redFlags);
    }

    /** Null for a case stopped by triage before any verification. */
    public CareVerification verification() {
        return verification;
    }

    /** Null for a case stopped by triage before any suggestion. */
    public Suggestion suggestion() {
        return suggestion;
    }

    /** Null until the specialist evaluates. */
    public Evaluation evaluation() {
        return evaluation;
    }

    /** The consents in force; null until opened or changed. */
    public ConsentGrants consents() {
        return consents;
    }

    public List<CareSession> sessions() {
        return List.copyOf(sessions);
    }

    /** Whether {@code SurgeryRecommended} was published for the case (it stays so, even if a red flag or closure follows). */
    public boolean surgeryRecommended() {
        return surgeryRecommendedRaised;
    }

    public ClosureReason closureReason() {
        return closureReason;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
