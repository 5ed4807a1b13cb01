package ca.passerelle.assessment.evaluation;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;

import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.assessment.FbssCause;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.platform.messaging.AggregateStore;
import ca.passerelle.platform.security.Caller;
import ca.passerelle.platform.web.NotFoundException;

/**
 * The assessment use cases; every write goes through the aggregate store, so events are published with the state.
 * Tenant isolation lives here: a caller who may not see a case's clinic is told the case does not exist (404), exactly
 * as for an unknown case, so that another clinic's case ids leak nothing.
 */
@Service
public class AssessmentService {

    static final String PURPOSE = "care-coordination";

    private final AggregateStore store;
    private final ConservativeCarePolicy policy;
    private final Clock clock;
    private final AuditTrail audit;

    public AssessmentService(AggregateStore store, ConservativeCarePolicy policy, Clock clock, AuditTrail audit) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.audit = audit;
    }

    /** A case was opened at intake: triage and verify it, once per event id. */
    public AggregateStore.Outcome caseOpened(EventEnvelope event, String caseId, ClinicalPicture picture) {
        return store.apply(Assessment.class, caseId, event, () -> new Assessment(caseId),
                assessment -> assessment.open(picture, policy, clock.instant()));
    }

    /** The assessment of a case the caller may see; 404 for an unknown case and for another clinic's case alike. */
    public Assessment find(String caseId, Caller caller) {
        Assessment assessment = store.find(Assessment.class, caseId)
                .filter(found -> caller.maySeeCasesOf(found.clinicId()))
                .orElseThrow(AssessmentService::unknown);
        audit.record(caller, "assessment.read", "case", caseId, PURPOSE);
        return assessment;
    }

    /** Records the evaluation of {@code evaluator} (a specialist, as the route rule demands), naming them by subject. */
    public Assessment evaluate(String caseId, SpecialistDecision decision, List<FbssCause> probableCauses, String rationale,
            Caller evaluator) {
        return store.update(Assessment.class, caseId, assessment -> {
                    if (!evaluator.maySeeCasesOf(assessment.clinicId())) {
                        throw unknown();
                    }
                    assessment.evaluate(decision, probableCauses, rationale, evaluator.subject(), clock.instant());
                })
                .map(evaluated -> {
                    audit.record(evaluator, "evaluation.recorded", "case", caseId, PURPOSE);
                    return evaluated;
                })
                .orElseThrow(AssessmentService::unknown);
    }

    /** Names no id: the caller knows which case they asked for, and nothing else is said about it. */
    private static NotFoundException unknown() {
        return new NotFoundException("no such assessment");
    }
}
