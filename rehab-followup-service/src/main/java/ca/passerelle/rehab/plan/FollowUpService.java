package ca.passerelle.rehab.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import ca.passerelle.events.rehab.RehabClosure;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.platform.messaging.AggregateStore;
import ca.passerelle.platform.security.Caller;
import ca.passerelle.platform.security.Role;
import ca.passerelle.platform.web.ConflictException;
import ca.passerelle.platform.web.NotFoundException;
import ca.passerelle.platform.idempotency.RequestFingerprint;
import ca.passerelle.platform.observability.CaseTraces;
import ca.passerelle.platform.web.RuleViolationException;

/**
 * The follow-up itself: reports of the assigned rehabilitation clinic, alerts to coordinators and their acknowledgement,
 * early closure, and the sweep of time-based rules. Tenant checks are made here: a clinic that is not the case's
 * rehabilitation clinic gets the same 404 as for an unknown case.
 */
@Service
public class FollowUpService {

    private final AggregateStore store;
    private final RehabPlans plans;
    private final RehabPlanService planning;
    private final NotesCipher notes;
    private final FollowUpProperties rules;
    private final Clock clock;
    private final AuditTrail audit;
    private final CaseTraces caseTraces;

    public FollowUpService(AggregateStore store, RehabPlans plans, RehabPlanService planning, NotesCipher notes,
            FollowUpProperties rules, Clock clock, AuditTrail audit, CaseTraces caseTraces) {
        this.store = store;
        this.plans = plans;
        this.planning = planning;
        this.notes = notes;
        this.rules = rules;
        this.clock = clock;
        this.audit = audit;
        this.caseTraces = caseTraces;
    }

    /** A report with its notes opened, for the callers allowed to read it. */
    public record ReadableReport(FollowUpReport report, String notes) {
    }

    /** An open alert with the case it is about. */
    public record CaseAlert(String caseId, FollowUpAlert alert) {
    }

    /** Records a report of the case's rehabilitation clinic; anyone else gets a 404, as for an unknown case. */
    public ReadableReport record(CaseId caseId, FollowUpDraft draft, Caller caller) {
        return record(caseId, draft, caller, null, null).report();
    }

    /** A recorded report, and whether it was recorded by an earlier request with the same {@code Idempotency-Key}. */
    public record RecordedReport(ReadableReport report, boolean replayed) {
    }

    /**
     * The same, made safe to retry: with an {@code Idempotency-Key}, a retry of the same request answers the report it
     * recorded (nothing recorded twice, even when both arrive at once: the plan's update is version-gated and re-checks
     * the key); the key reused for a different request is refused ({@value RequestFingerprint#KEY_REUSED}).
     *
     * @param idempotencyKey null when the clinic sent none
     * @param requestFingerprint the request's {@link RequestFingerprint}, null without key
     */
    public RecordedReport record(CaseId caseId, FollowUpDraft draft, Caller caller, String idempotencyKey, String requestFingerprint) {
        RehabPlan current = visibleToRehabClinic(caseId, caller);
        if (idempotencyKey != null) {
            Optional<FollowUpReport> earlier = current.reportWithKey(idempotencyKey);
            if (earlier.isPresent()) {
                return replay(caseId, earlier.get(), requestFingerprint);
            }
        }
        if (current.status() != FollowUpStatus.ACTIVE) {
            throw new ConflictException("The follow-up of this case has ended");
        }
        LocalDate today = LocalDate.now(clock);
        if (draft.assessedOn().isAfter(today)) {
            throw new RuleViolationException("assessed-in-future", "A follow-up cannot be assessed after today");
        }
        if (draft.assessedOn().isBefore(current.performedOn())) {
            throw new RuleViolationException("assessed-before-surgery", "A follow-up is assessed on or after the day of surgery");
        }
        if (current.baseline().isEmpty()) {
            throw new ConflictException("The pre-operative baseline of this case is not known yet");
        }
        String reportId = "r-" + UUID.randomUUID();
        String sealed = notes.seal(draft.notes(), caseId.value(), reportId);
        Instant now = clock.instant();
        FollowUpReport[] recorded = new FollowUpReport[1];
        FollowUpReport[] raced = new FollowUpReport[1];
        store.update(RehabPlan.class, caseId.value(), plan -> {
            raced[0] = idempotencyKey == null ? null : plan.reportWithKey(idempotencyKey).orElse(null);
            if (raced[0] != null) {
                return;
            }
            if (plan.status() != FollowUpStatus.ACTIVE) {
                throw new ConflictException("The follow-up of this case has ended");
            }
            recorded[0] = plan.record(draft, reportId, sealed, idempotencyKey, requestFingerprint, rules, now);
        });
        if (raced[0] != null) {
            return replay(caseId, raced[0], requestFingerprint);
        }
        audit.record(caller, "follow-up.record", "case", caseId.value(), "care-coordination");
        return new RecordedReport(new ReadableReport(recorded[0], draft.notes()), false);
    }

    private RecordedReport replay(CaseId caseId, FollowUpReport earlier, String requestFingerprint) {
        if (!earlier.requestFingerprint().equals(requestFingerprint)) {
            throw new RuleViolationException(RequestFingerprint.KEY_REUSED,
                    "This Idempotency-Key was already used for a different report; use a new key for a new report");
        }
        return new RecordedReport(new ReadableReport(earlier, notes.open(earlier.sealedNotes(), caseId.value(), earlier.reportId())), true);
    }

    /** The reports of a case: its rehabilitation clinic, coordinators and specialists; notes opened; the read is audited. */
    public List<ReadableReport> reports(CaseId caseId, Caller caller) {
        RehabPlan plan = planning.find(caseId)
                .filter(found -> caller.has(Role.COORDINATOR) || caller.has(Role.SPECIALIST) || RehabPlanService.isRehabClinic(caller, found))
                .orElseThrow(FollowUpService::unknownCase);
        audit.record(caller, "follow-up.read", "case", caseId.value(), "care-coordination");
        return plan.reports().stream()
                .map(report -> new ReadableReport(report, notes.open(report.sealedNotes(), caseId.value(), report.reportId())))
                .toList();
    }

    /** Open alerts of every case, most severe first, then oldest first. */
    public List<CaseAlert> openAlerts() {
        return plans.withOpenAlerts().stream()
                .flatMap(plan -> plan.alerts().stream().filter(FollowUpAlert::isOpen).map(alert -> new CaseAlert(plan.caseId().value(), alert)))
                .sorted(Comparator.comparing((CaseAlert a) -> a.alert().severity()).thenComparing(a -> a.alert().raisedAt()))
                .toList();
    }

    /** A coordinator acknowledges an alert (by its id); doing it twice changes nothing. */
    public CaseAlert acknowledge(String alertId, Caller coordinator) {
        RehabPlan holder = plans.holdingAlert(alertId).orElseThrow(() -> new NotFoundException("No such alert"));
        Instant now = clock.instant();
        RehabPlan saved = store.update(RehabPlan.class, holder.caseId().value(),
                plan -> plan.acknowledge(alertId, coordinator.subject(), now)).orElseThrow(() -> new NotFoundException("No such alert"));
        return new CaseAlert(saved.caseId().value(), saved.alert(alertId).orElseThrow());
    }

    /** A coordinator ends the follow-up early with a reason code. */
    public RehabPlan close(CaseId caseId, RehabClosure reason) {
        RehabPlan current = planning.find(caseId).orElseThrow(FollowUpService::unknownCase);
        if (current.status() != FollowUpStatus.ACTIVE) {
            throw new ConflictException("The follow-up of this case has already ended");
        }
        if (reason == RehabClosure.PLAN_COMPLETED) {
            throw new RuleViolationException("closure-reason", "A plan is completed by reporting its last checkpoint");
        }
        Instant now = clock.instant();
        return store.update(RehabPlan.class, caseId.value(), plan -> {
            if (plan.status() != FollowUpStatus.ACTIVE) {
                throw new ConflictException("The follow-up of this case has already ended");
            }
            plan.closeEarly(reason, now);
        }).orElseThrow(FollowUpService::unknownCase);
    }

    /**
     * The time-based rules at {@code now}: clinic assignments retried, missed checkpoints alerted (once each), phases
     * advanced. Only plans with something to do are written.
     *
     * @return how many plans changed
     */
    public int sweep(Instant now) {
        planning.assignPendingClinics();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        int changed = 0;
        for (RehabPlan plan : plans.active()) {
            if (plan.needsSweep(today, rules)) {
                caseTraces.continueCase(plan, plan.caseId().value(), "follow-up-sweep",
                        () -> store.update(RehabPlan.class, plan.caseId().value(), fresh -> fresh.sweep(today, now, rules)));
                changed++;
            }
        }
        return changed;
    }

    private RehabPlan visibleToRehabClinic(CaseId caseId, Caller caller) {
        Optional<RehabPlan> plan = planning.find(caseId).filter(found -> RehabPlanService.isRehabClinic(caller, found));
        return plan.orElseThrow(FollowUpService::unknownCase);
    }

    private static NotFoundException unknownCase() {
        return new NotFoundException("No rehabilitation follow-up for this case");
    }
}
