package ca.passerelle.dashboard.cases.web;

import java.time.Instant;

import ca.passerelle.dashboard.cases.TimelineEntry;

/** One event of a case's timeline. */
public record TimelineEntryResponse(Instant at, String type, String source, long sequence, String summary) {

    static TimelineEntryResponse of(TimelineEntry entry) {
        return new TimelineEntryResponse(entry.at(), entry.type(), entry.source(), entry.sequence(), entry.summary());
    }
}
