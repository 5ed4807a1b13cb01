package ca.passerelle.rehab.plan;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;

import ca.passerelle.events.EventEnvelope;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.platform.messaging.AggregateStore;
import ca.passerelle.platform.security.Caller;

/** Makes and reads rehabilitation plans; every write goes through the aggregate store, once per consumed event. */
@Service
public class RehabPlanService {

    private final AggregateStore store;
    private final RehabPlanPolicy policy;
    private final Clock clock;
    private final AuditTrail audit;

    public RehabPlanService(AggregateStore store, RehabPlanPolicy policy, Clock clock, AuditTrail audit) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.audit = audit;
    }

    /** Plans the rehabilitation of a case whose surgery was reported done by {@code cause}; a redelivery changes nothing. */
    public AggregateStore.Outcome planAfter(EventEnvelope cause, CompletedSurgery surgery) {
        RehabSchedule schedule = policy.scheduleFor(surgery.category(), surgery.performedOn());
        return store.apply(RehabPlan.class, surgery.caseId().value(), cause, () -> RehabPlan.forCase(surgery.caseId()),
                plan -> plan.plan(surgery, schedule, clock.instant()));
    }

    /** Records which clinic opened the case, whether its plan exists yet or not; a redelivery changes nothing. */
    public AggregateStore.Outcome recordReferral(EventEnvelope cause, CaseId caseId, String clinicId) {
        return store.apply(RehabPlan.class, caseId.value(), cause, () -> RehabPlan.forCase(caseId),
                plan -> plan.referredBy(clinicId));
    }

    public Optional<RehabPlan> find(CaseId caseId) {
        return store.find(RehabPlan.class, caseId.value()).filter(RehabPlan::isPlanned);
    }

    /**
     * The plan of a case as {@code caller} may see it: coordinators and specialists see every plan, a clinic only the plans
     * of the cases it opened. A plan whose referring clinic is not known yet is no clinic's. Empty whether the plan does
     * not exist or belongs to another tenant, so that a caller cannot tell the two apart.
     */
    public Optional<RehabPlan> findFor(CaseId caseId, Caller caller) {
        Optional<RehabPlan> visible = find(caseId).filter(plan -> caller.maySeeCasesOf(plan.referringClinicId().orElse(null)));
        visible.ifPresent(plan -> audit.record(caller, "rehab-plan.read", "case", caseId.value(), "care-coordination"));
        return visible;
    }
}
