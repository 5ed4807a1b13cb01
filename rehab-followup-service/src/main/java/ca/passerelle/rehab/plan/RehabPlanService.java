package ca.passerelle.rehab.plan;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;

import ca.passerelle.events.EventEnvelope;
import ca.passerelle.platform.messaging.AggregateStore;

/** Makes and reads rehabilitation plans; every write goes through the aggregate store, once per consumed event. */
@Service
public class RehabPlanService {

    private final AggregateStore store;
    private final RehabPlanPolicy policy;
    private final Clock clock;

    public RehabPlanService(AggregateStore store, RehabPlanPolicy policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    /** Plans the rehabilitation of a case whose surgery was reported done by {@code cause}; a redelivery changes nothing. */
    public AggregateStore.Outcome planAfter(EventEnvelope cause, CompletedSurgery surgery) {
        RehabSchedule schedule = policy.scheduleFor(surgery.category(), surgery.performedOn());
        return store.apply(RehabPlan.class, surgery.caseId().value(), cause, () -> RehabPlan.forCase(surgery.caseId()),
                plan -> plan.plan(surgery, schedule, clock.instant()));
    }

    public Optional<RehabPlan> find(CaseId caseId) {
        return store.find(RehabPlan.class, caseId.value()).filter(RehabPlan::isPlanned);
    }
}
