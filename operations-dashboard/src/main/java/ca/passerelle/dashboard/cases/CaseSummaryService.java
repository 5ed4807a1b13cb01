package ca.passerelle.dashboard.cases;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import ca.passerelle.events.EventEnvelope;
import ca.passerelle.platform.messaging.AggregateStore;

/** Keeps the case summaries up to date from the case events, and answers what coordinators ask about them. */
@Service
public class CaseSummaryService {

    private final AggregateStore store;
    private final CaseSummaries summaries;

    public CaseSummaryService(AggregateStore store, CaseSummaries summaries) {
        this.store = store;
        this.summaries = summaries;
    }

    /** Applies one case event, whichever arrives first; the same event twice changes nothing. */
    public AggregateStore.Outcome record(EventEnvelope envelope, Object payload) {
        CaseFact fact = CaseFacts.of(envelope, payload);
        return store.apply(CaseSummary.class, fact.caseId(), envelope, () -> new CaseSummary(fact.caseId()),
                summary -> summary.apply(fact));
    }

    public Optional<CaseSummary> find(String caseId) {
        return summaries.find(caseId);
    }

    public CasePage search(CaseSearch search) {
        return summaries.search(search);
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

    public List<CaseSummary> recent(int limit) {
        return limit == 0 ? List.of() : summaries.recent(limit);
    }
}
