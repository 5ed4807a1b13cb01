package ca.passerelle.assessment.evaluation;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;

import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.assessment.FbssCause;
import ca.passerelle.platform.messaging.AggregateStore;
import ca.passerelle.platform.web.NotFoundException;

/** The assessment use cases; every write goes through the aggregate store, so events are published with the state. */
@Service
public class AssessmentService {

    private final AggregateStore store;
    private final ConservativeCarePolicy policy;
    private final Clock clock;

    public AssessmentService(AggregateStore store, ConservativeCarePolicy policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    /** A case was opened at intake: triage and verify it, once per event id. */
    public AggregateStore.Outcome caseOpened(EventEnvelope event, String caseId, ClinicalPicture picture) {
        return store.apply(Assessment.class, caseId, event, () -> new Assessment(caseId),
                assessment -> assessment.open(picture, policy, clock.instant()));
    }

    public Assessment find(String caseId) {
        return store.find(Assessment.class, caseId).orElseThrow(() -> unknown(caseId));
    }

    public Assessment evaluate(String caseId, SpecialistDecision decision, List<FbssCause> probableCauses, String rationale) {
        return store.update(Assessment.class, caseId, assessment -> assessment.evaluate(decision, probableCauses, rationale, clock.instant()))
                .orElseThrow(() -> unknown(caseId));
    }

    private static NotFoundException unknown(String caseId) {
        return new NotFoundException("no assessment for case " + caseId);
    }
}
