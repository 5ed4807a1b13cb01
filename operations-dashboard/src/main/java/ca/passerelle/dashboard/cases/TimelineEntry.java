package ca.passerelle.dashboard.cases;

import java.time.Instant;
import java.util.Comparator;

/**
 * One event in a case's timeline.
 *
 * @param eventId the CloudEvents id, unique per event
 * @param at when the fact happened (the event's time)
 * @param type the event's logical type, e.g. {@code ca.passerelle.intake.case-opened.v1}
 * @param source the producing service, e.g. {@code /passerelle/intake-service}
 * @param sequence the event's sequence for its source
 * @param summary one short sentence in French for coordinators
 */
public record TimelineEntry(String eventId, Instant at, String type, String source, long sequence, String summary) {

    /** Event time first; the producer's sequence and then the event id break ties so the order is stable. */
    public static final Comparator<TimelineEntry> CHRONOLOGICAL = Comparator.comparing(TimelineEntry::at)
            .thenComparing(TimelineEntry::source)
            .thenComparingLong(TimelineEntry::sequence)
            .thenComparing(TimelineEntry::eventId);
}
