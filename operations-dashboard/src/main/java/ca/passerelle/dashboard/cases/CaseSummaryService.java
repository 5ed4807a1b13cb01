package ca.passerelle.dashboard.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import ca.passerelle.dashboard.ReadModelChanged;

import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.rehab.AlertSeverity;
import ca.passerelle.platform.messaging.AggregateStore;

/** Keeps the case summaries up to date from the case events, and answers what coordinators ask about them. */
@Service
public class CaseSummaryService {

    private final AggregateStore store;
    private final CaseSummaries summaries;
    private final SlaPolicy sla;
    private final ApplicationEventPublisher changes;
    private final StageClock stageClock;
    private final UrgentReferralAcknowledgements acknowledgements;

    public CaseSummaryService(AggregateStore store, CaseSummaries summaries, SlaPolicy sla, ApplicationEventPublisher changes,
            StageClock stageClock, UrgentReferralAcknowledgements acknowledgements) {
        this.store = store;
        this.summaries = summaries;
        this.sla = sla;
        this.changes = changes;
        this.stageClock = stageClock;
        this.acknowledgements = acknowledgements;
    }

    /**
     * Applies one case event, whichever arrives first; the same event twice changes nothing. When the event moves the
     * summary to another stage, the stage clock hears of it (only once the write succeeded, so never for a duplicate).
     */
    public AggregateStore.Outcome record(EventEnvelope envelope, Object payload) {
        CaseFact fact = CaseFacts.of(envelope, payload);
        // the urgent-referral alert is the dashboard's own: a coordinator's acknowledgement recorded before (live, or
        // before a rebuild emptied the summaries) is read back, so the projection reproduces it
        Optional<UrgentReferralAcknowledgement> acknowledged = fact.alert() != null && fact.alert().urgentReferral()
                ? acknowledgements.find(fact.caseId()) : Optional.empty();
        AtomicReference<StageChange> change = new AtomicReference<>();
        AggregateStore.Outcome outcome = store.apply(CaseSummary.class, fact.caseId(), envelope, () -> new CaseSummary(fact.caseId()),
                summary -> {
                    // may run again on a fresh copy after a lost race: the last run is the one written
                    Stage before = summary.stage();
                    Instant beforeSince = summary.stageSince();
                    summary.apply(fact);
                    acknowledged.ifPresent(summary::acknowledgeUrgentReferral);
                    change.set(new StageChange(before, beforeSince, summary.stage(), summary.stageSince()));
                });
        if (outcome == AggregateStore.Outcome.APPLIED) {
            stageClock.moved(change.get());
            changes.publishEvent(ReadModelChanged.ofCase(fact.caseId()));
        }
        return outcome;
    }

    public Optional<CaseSummary> find(String caseId) {
        return summaries.find(caseId);
    }

    public CasePage search(CaseSearch search) {
        return summaries.search(search, search.sla() == null ? null : windows(search.sla()));
    }

    public SlaPolicy sla() {
        return sla;
    }

    /** How many cases stand at each stage, every stage present, in pathway order. */
    public Map<Stage, Long> countByStage() {
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            counts.put(stage, 0L);
        }
        counts.putAll(summaries.countByStage());
        return counts;
    }

    /** How many cases ended for each terminal reason, every reason present. */
    public Map<TerminalReason, Long> countTerminal() {
        Map<TerminalReason, Long> counts = new EnumMap<>(TerminalReason.class);
        for (TerminalReason reason : TerminalReason.values()) {
            counts.put(reason, 0L);
        }
        counts.putAll(summaries.countTerminalByReason());
        return counts;
    }

    /** How many open cases are at risk and past their stage's SLA (OK is not counted). */
    public Map<SlaState, Long> countSla() {
        Map<SlaState, Long> counts = new EnumMap<>(SlaState.class);
        counts.put(SlaState.AT_RISK, summaries.count(windows(SlaState.AT_RISK)));
        counts.put(SlaState.BREACHED, summaries.count(windows(SlaState.BREACHED)));
        return counts;
    }

    /** Open follow-up alerts per severity, every severity present, most severe first. */
    public Map<AlertSeverity, Long> openAlertsBySeverity() {
        Map<AlertSeverity, Long> counts = new EnumMap<>(AlertSeverity.class);
        for (AlertSeverity severity : AlertSeverity.values()) {
            counts.put(severity, 0L);
        }
        counts.putAll(summaries.openAlertsBySeverity());
        return counts;
    }

    public CasePage queue(WorkQueue queue, int limit) {
        return summaries.queue(queue, limit);
    }

    public List<CaseSummary> recent(int limit) {
        return limit == 0 ? List.of() : summaries.recent(limit);
    }

    /** Empties the read model of cases (the projection rebuild). */
    public void deleteAll() {
        summaries.deleteAll();
    }

    /** The stage windows (one or more per stage) whose union is the SLA state, at the policy's now. */
    List<StageWindow> windows(SlaState state) {
        Instant now = sla.now();
        List<StageWindow> windows = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (stage == Stage.CLOSED) {
                continue;
            }
            Optional<Duration> limit = sla.limit(stage);
            if (limit.isEmpty()) {
                if (state == SlaState.OK) {
                    windows.add(new StageWindow(stage, null, null));
                }
                continue;
            }
            Instant breachedBefore = now.minus(limit.get());
            Instant atRiskBefore = sla.atRiskBefore(limit.get(), now);
            switch (state) {
                case BREACHED -> windows.add(new StageWindow(stage, null, breachedBefore));
                case AT_RISK -> windows.add(new StageWindow(stage, breachedBefore, atRiskBefore));
                case OK -> windows.add(new StageWindow(stage, atRiskBefore, null));
            }
        }
        return windows;
    }
}
