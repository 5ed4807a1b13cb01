package ca.passerelle.assessment.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.assessment.FbssCause;
import ca.passerelle.events.intake.ClosureReason;
import ca.passerelle.events.intake.ConsentGrants;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.platform.messaging.AggregateStore;
import ca.passerelle.platform.observability.CaseTraces;
import ca.passerelle.platform.security.Caller;
import ca.passerelle.platform.web.NotFoundException;

/**
 * The assessment use cases; every write goes through the aggregate store, so events are published with the state, and
 * each consumed event applies once. Any intake event may come first: the case's document is created by whichever
 * arrives first and {@code CaseOpened} completes it. Tenant isolation lives here: a caller who may not see a case's
 * clinic is told the case does not exist (404), exactly as for an unknown case or one not opened yet.
 */
@Service
public class AssessmentService {

    static final String PURPOSE = "care-coordination";

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final ConservativeCarePolicy policy;
    private final Clock clock;
    private final AuditTrail audit;
    private final CaseTraces caseTraces;

    public AssessmentService(AggregateStore store, MongoTemplate mongo, ConservativeCarePolicy policy, Clock clock, AuditTrail audit,
            CaseTraces caseTraces) {
        this.store = store;
        this.mongo = mongo;
        this.policy = policy;
        this.clock = clock;
        this.audit = audit;
        this.caseTraces = caseTraces;
    }

    /** A case was opened at intake: triage and verify it with whatever arrived before. */
    public AggregateStore.Outcome caseOpened(EventEnvelope event, String caseId, ClinicalPicture picture) {
        return apply(event, caseId, (assessment, now) -> assessment.open(picture, policy, now));
    }

    public AggregateStore.Outcome sessionRecorded(EventEnvelope event, String caseId, CareSession session) {
        return apply(event, caseId, (assessment, now) -> assessment.recordSession(session, policy, now));
    }

    public AggregateStore.Outcome imagingRecorded(EventEnvelope event, String caseId, Imaging imaging) {
        return apply(event, caseId, (assessment, now) -> assessment.recordImaging(imaging, policy, now));
    }

    public AggregateStore.Outcome symptomsReported(EventEnvelope event, String caseId, ScoreReport scores) {
        return apply(event, caseId, (assessment, now) -> assessment.recordScores(scores, policy, now));
    }

    public AggregateStore.Outcome redFlagsReported(EventEnvelope event, String caseId, List<RedFlag> redFlags) {
        return apply(event, caseId, (assessment, now) -> assessment.reportRedFlags(redFlags, policy, now));
    }

    public AggregateStore.Outcome consentChanged(EventEnvelope event, String caseId, ConsentGrants consents, Instant changedAt) {
        return apply(event, caseId, (assessment, now) -> assessment.changeConsents(consents, changedAt, policy, now));
    }

    public AggregateStore.Outcome caseClosed(EventEnvelope event, String caseId, ClosureReason reason, Instant closedAt) {
        return apply(event, caseId, (assessment, now) -> assessment.close(reason, closedAt, policy, now));
    }

    private AggregateStore.Outcome apply(EventEnvelope event, String caseId, BiConsumer<Assessment, Instant> change) {
        return store.apply(Assessment.class, caseId, event, () -> new Assessment(caseId),
                assessment -> change.accept(assessment, clock.instant()));
    }

    /** The assessment of a case the caller may see; 404 for an unknown case, one not opened yet and another clinic's case alike. */
    public Assessment find(String caseId, Caller caller) {
        return find(caseId, caller, "assessment.read");
    }

    /** Which conditions of {@code SurgeryRecommended} hold and which are missing for a case the caller may see. */
    public Assessment gating(String caseId, Caller caller) {
        return find(caseId, caller, "assessment.gating.read");
    }

    /** What decision support suggests for a case the caller may see. */
    public Assessment decisionSupport(String caseId, Caller caller) {
        return find(caseId, caller, "assessment.decision-support.read");
    }

    private Assessment find(String caseId, Caller caller, String action) {
        Assessment assessment = store.find(Assessment.class, caseId)
                .filter(Assessment::opened)
                .filter(found -> caller.maySeeCasesOf(found.clinicId()))
                .orElseThrow(AssessmentService::unknown);
        audit.record(caller, action, "case", caseId, PURPOSE);
        return assessment;
    }

    /**
     * Records the evaluation of {@code evaluator} (a specialist, or a coordinator on a specialist's behalf, as the route rule
     * demands), naming them by subject in the evaluation and in the audit entry (which keeps their roles too).
     */
    public Assessment evaluate(String caseId, SpecialistDecision decision, List<FbssCause> probableCauses, String rationale,
            Caller evaluator) {
        return evaluate(caseId, decision, probableCauses, List.of(), rationale, evaluator);
    }

    /** The same, with the imaging findings the specialist read (coded), which decision support then reads too. */
    public Assessment evaluate(String caseId, SpecialistDecision decision, List<FbssCause> probableCauses, List<Imaging> imagingFindings,
            String rationale, Caller evaluator) {
        return store.update(Assessment.class, caseId, assessment -> {
                    if (!assessment.opened() || !evaluator.maySeeCasesOf(assessment.clinicId())) {
                        throw unknown();
                    }
                    assessment.evaluate(decision, probableCauses, imagingFindings, rationale, evaluator.subject(), policy, clock.instant());
                })
                .map(evaluated -> {
                    audit.record(evaluator, "evaluation.recorded", "case", caseId, PURPOSE);
                    return evaluated;
                })
                .orElseThrow(AssessmentService::unknown);
    }

    /**
     * Verifies again the cases whose only way forward was time: conservative care insufficient, and the date on which the
     * minimum duration can be met has come. Each is re-verified in its own version-gated update (safe when several
     * instances run it at once: the loser re-reads and finds nothing changed); a case whose duration is now met has no
     * eligibility date any more, so it is not picked again.
     *
     * @return how many cases were verified again
     */
    public int recheckDueVerifications(int limit) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Assessment.CARE_ZONE);
        Query due = Query.query(Criteria.where("status").is(AssessmentStatus.CONSERVATIVE_CARE_INSUFFICIENT)
                .and("verification.earliestEligibleOn").lte(today)).limit(limit);
        int rechecked = 0;
        for (Assessment found : mongo.find(due, Assessment.class)) {
            String caseId = found.caseId();
            boolean[] done = new boolean[1];
            caseTraces.continueCase(found, caseId, "eligibility-recheck", () -> done[0] = store.update(Assessment.class, caseId,
                    assessment -> assessment.recheck(policy, clock.instant())).isPresent());
            rechecked += done[0] ? 1 : 0;
        }
        return rechecked;
    }

    /** Names no id: the caller knows which case they asked for, and nothing else is said about it. */
    private static NotFoundException unknown() {
        return new NotFoundException("no such assessment");
    }
}
