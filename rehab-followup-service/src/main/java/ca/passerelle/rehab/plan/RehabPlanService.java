package ca.passerelle.rehab.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.events.rehab.RehabClosure;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.platform.messaging.AggregateStore;
import ca.passerelle.platform.security.Caller;

/**
 * Makes and reads rehabilitation plans from what intake and travel-coordination report; every write goes through the
 * aggregate store, once per consumed event. The rehabilitation clinic is asked of facility-gateway when the plan is made;
 * when the gateway cannot answer the plan is made without it and the sweep assigns one later.
 */
@Service
public class RehabPlanService {

    private static final Logger log = LoggerFactory.getLogger(RehabPlanService.class);

    private final AggregateStore store;
    private final RehabPlanPolicy policy;
    private final RehabClinicDirectory directory;
    private final RehabPlans plans;
    private final Clock clock;
    private final AuditTrail audit;

    public RehabPlanService(AggregateStore store, RehabPlanPolicy policy, RehabClinicDirectory directory, RehabPlans plans,
            Clock clock, AuditTrail audit) {
        this.store = store;
        this.policy = policy;
        this.directory = directory;
        this.plans = plans;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Plans the rehabilitation of a case whose surgery was reported done by {@code cause}; a redelivery changes nothing.
     * When the home region is already known the directory is asked first (bounded timeouts); no answer never blocks the plan.
     */
    public AggregateStore.Outcome planAfter(EventEnvelope cause, CompletedSurgery surgery) {
        RehabSchedule schedule = policy.scheduleFor(surgery.category(), surgery.performedOn());
        Optional<List<RehabClinicDirectory.RehabClinic>> clinics = store.find(RehabPlan.class, surgery.caseId().value())
                .filter(plan -> !plan.isPlanned() && plan.needsRehabClinic())
                .flatMap(plan -> lookUp(plan.homeRegion()));
        AggregateStore.Outcome outcome = store.apply(RehabPlan.class, surgery.caseId().value(), cause,
                () -> RehabPlan.forCase(surgery.caseId()), plan -> {
                    clinics.ifPresent(plan::assignRehabClinic);
                    plan.plan(surgery, schedule, clock.instant());
                });
        assignIfStillNeeded(surgery.caseId());
        return outcome;
    }

    /** Records which clinic opened the case, its home region and pre-operative baseline, whether its plan exists yet or not. */
    public AggregateStore.Outcome recordOpening(EventEnvelope cause, CaseId caseId, String clinicId, String homeRegion,
            String preferredLanguage, Baseline baseline) {
        Optional<List<RehabClinicDirectory.RehabClinic>> clinics = store.find(RehabPlan.class, caseId.value())
                .filter(plan -> plan.isPlanned() && plan.rehabClinicId() == null && homeRegion != null)
                .flatMap(plan -> lookUp(homeRegion));
        AggregateStore.Outcome outcome = store.apply(RehabPlan.class, caseId.value(), cause, () -> RehabPlan.forCase(caseId), plan -> {
            plan.opened(clinicId, homeRegion, preferredLanguage, baseline);
            clinics.ifPresent(plan::assignRehabClinic);
        });
        assignIfStillNeeded(caseId);
        return outcome;
    }

    /**
     * The opening (intake topic) and the surgery (travel topic) are consumed by two listeners at once: each may have
     * looked the plan up before the other's write, so that neither asked the directory. Whichever finishes second sees
     * both facts here and assigns the clinic (or leaves it to the sweep when the directory cannot answer).
     */
    private void assignIfStillNeeded(CaseId caseId) {
        store.find(RehabPlan.class, caseId.value())
                .filter(plan -> plan.isPlanned() && plan.needsRehabClinic())
                .flatMap(plan -> lookUp(plan.homeRegion()))
                .ifPresent(clinics -> store.update(RehabPlan.class, caseId.value(), plan -> plan.assignRehabClinic(clinics)));
    }

    /** A new pre-operative measurement from intake replaces the baseline; after the surgery it changes nothing. */
    public AggregateStore.Outcome recordSymptoms(EventEnvelope cause, CaseId caseId, LocalDate assessedOn, Baseline measured) {
        return store.apply(RehabPlan.class, caseId.value(), cause, () -> RehabPlan.forCase(caseId),
                plan -> plan.symptomsMeasured(assessedOn, measured));
    }

    /** Consent withdrawn or case closed at intake: the follow-up stops (ends with {@code closure} if it had started). */
    public AggregateStore.Outcome stop(EventEnvelope cause, CaseId caseId, RehabClosure closure) {
        return store.apply(RehabPlan.class, caseId.value(), cause, () -> RehabPlan.forCase(caseId),
                plan -> plan.stop(closure, clock.instant()));
    }

    /** Red flags reported to intake after surgery raise an urgent alert; before any plan they are intake's and assessment's. */
    public AggregateStore.Outcome recordRedFlags(EventEnvelope cause, CaseId caseId, List<RedFlag> flags, Instant reportedAt) {
        return store.apply(RehabPlan.class, caseId.value(), cause, null,
                plan -> plan.redFlagsReported(flags, cause.id(), reportedAt, clock.instant()));
    }

    /** Retries the clinic assignment of active plans that have none yet; one directory call per region. */
    public int assignPendingClinics() {
        Map<String, Optional<List<RehabClinicDirectory.RehabClinic>>> byRegion = new HashMap<>();
        int assigned = 0;
        for (RehabPlan pending : plans.active()) {
            if (!pending.needsRehabClinic()) {
                continue;
            }
            Optional<List<RehabClinicDirectory.RehabClinic>> clinics = byRegion.computeIfAbsent(pending.homeRegion(), this::lookUp);
            if (clinics.isPresent()) {
                boolean[] done = {false};
                store.update(RehabPlan.class, pending.caseId().value(), plan -> done[0] = plan.assignRehabClinic(clinics.get()));
                assigned += done[0] ? 1 : 0;
            }
        }
        return assigned;
    }

    private Optional<List<RehabClinicDirectory.RehabClinic>> lookUp(String region) {
        try {
            return Optional.of(directory.rehabClinicsIn(region));
        } catch (RehabClinicDirectory.Unavailable e) {
            log.warn("Rehabilitation clinic directory unavailable ({}); the clinic will be assigned by a later sweep", e.getMessage());
            return Optional.empty();
        }
    }

    public Optional<RehabPlan> find(CaseId caseId) {
        return store.find(RehabPlan.class, caseId.value()).filter(RehabPlan::isPlanned);
    }

    /**
     * The plan of a case as {@code caller} may see it: coordinators and specialists see every plan, a clinic the plans of
     * the cases it opened and of the patients it follows up. A plan whose clinics are not known yet is no clinic's. Empty
     * whether the plan does not exist or belongs to another tenant, so that a caller cannot tell the two apart.
     */
    public Optional<RehabPlan> findFor(CaseId caseId, Caller caller) {
        Optional<RehabPlan> visible = find(caseId).filter(plan -> caller.maySeeCasesOf(plan.referringClinicId().orElse(null))
                || isRehabClinic(caller, plan));
        visible.ifPresent(plan -> audit.record(caller, "rehab-plan.read", "case", caseId.value(), "care-coordination"));
        return visible;
    }

    static boolean isRehabClinic(Caller caller, RehabPlan plan) {
        return plan.rehabClinicId() != null && caller.clinicId().filter(plan.rehabClinicId()::equals).isPresent();
    }
}
