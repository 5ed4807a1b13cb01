package ca.passerelle.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The figures of one scenario, computed the same way for all: {@code sent} events the run must find (every case a clinic
 * got a 201 for, and what each service must publish about it); {@code observed} records about the run's cases on the
 * topics; {@code lost = sent − found}; {@code visibleDuplicates = observed − distinct(observed ids)} on the topics and, from
 * the services' documents, in their state; per-case order = sequences strictly increasing in offset order, per topic and
 * subject (over first occurrences: a duplicate is counted once, as a duplicate); recovery = fault end to lag zero.
 */
record Figures(String scenario, int sent, int completed, int observed, int distinct, int lost, int visibleDuplicates,
        int stateDuplicates, int orderViolations, int deadLetters, int refused, Duration recovery, List<String> lostSamples) {

    static Figures compute(String scenario, List<Expectation> sent, List<ObservedEvent> observedAll, int stateDuplicates,
            int deadLetters, int refused, Duration recovery) {
        Set<String> subjects = sent.stream().map(Expectation::subject).collect(Collectors.toSet());
        List<ObservedEvent> observed = observedAll.stream().filter(event -> subjects.contains(event.subject())).toList();
        Set<String> ids = new HashSet<>();
        observed.forEach(event -> ids.add(event.id()));
        Map<Expectation, Integer> found = new LinkedHashMap<>();
        Set<String> countedIds = new HashSet<>();
        for (ObservedEvent event : observed) {
            if (countedIds.add(event.id())) {
                found.merge(new Expectation(event.topic(), event.subject(), event.type()), 1, Integer::sum);
            }
        }
        Map<Expectation, Integer> remaining = new LinkedHashMap<>(found);
        List<String> lostSamples = new ArrayList<>();
        int lost = 0;
        for (Expectation expectation : sent) {
            int left = remaining.getOrDefault(expectation, 0);
            if (left > 0) {
                remaining.put(expectation, left - 1);
            } else {
                lost++;
                if (lostSamples.size() < 5) {
                    lostSamples.add(expectation.type() + "@" + expectation.topic() + " for " + expectation.subject());
                }
            }
        }
        return new Figures(scenario, sent.size(), sent.size() - lost, observed.size(), ids.size(), lost, observed.size() - ids.size(),
                stateDuplicates, orderViolations(observed), deadLetters, refused, recovery, List.copyOf(lostSamples));
    }

    /** Per topic and subject, in offset order, each event's sequence must be above the previous one's. */
    static int orderViolations(List<ObservedEvent> observed) {
        Map<String, List<ObservedEvent>> streams = observed.stream().collect(Collectors.groupingBy(
                event -> event.topic() + "|" + event.subject(), LinkedHashMap::new, Collectors.toList()));
        int violations = 0;
        for (List<ObservedEvent> stream : streams.values()) {
            List<ObservedEvent> ordered = stream.stream()
                    .sorted(Comparator.comparingInt(ObservedEvent::partition).thenComparingLong(ObservedEvent::offset)).toList();
            Set<String> seen = new HashSet<>();
            long last = Long.MIN_VALUE;
            int partition = ordered.isEmpty() ? 0 : ordered.get(0).partition();
            for (ObservedEvent event : ordered) {
                if (event.partition() != partition) {
                    violations++; // one case's events must stay on one partition, or nothing orders them
                }
                if (!seen.add(event.id())) {
                    continue;
                }
                if (event.sequence() <= last) {
                    violations++;
                }
                last = event.sequence();
            }
        }
        return violations;
    }

    String line() {
        return String.format("RELIABILITY %-34s sent=%d completed=%d observed=%d lost=%d visibleDuplicates(topic)=%d visibleDuplicates(state)=%d "
                + "orderViolations=%d deadLetters=%d refusedHttp=%d recovery=%.1fs%s", scenario, sent, completed, observed, lost,
                visibleDuplicates, stateDuplicates, orderViolations, deadLetters, refused, recovery.toMillis() / 1000.0,
                lostSamples.isEmpty() ? "" : " lost e.g. " + lostSamples);
    }
}
