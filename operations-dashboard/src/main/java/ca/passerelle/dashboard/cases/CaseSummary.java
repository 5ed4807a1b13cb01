package ca.passerelle.dashboard.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import ca.passerelle.platform.messaging.AggregateDocument;

/**
 * One case as coordinators see it: its stage, status, terminal state and timeline, in one document so that applying an
 * event (and remembering its id) is one single-document write. Events may arrive in any order across the topics: any
 * of them creates the summary, the timeline is kept in event-time order, and the stage only moves forward along the
 * pathway, except that a terminal event always closes the case.
 */
@Document("case-summaries")
@CompoundIndex(name = "stage_lastEventAt", def = "{'stage': 1, 'lastEventAt': -1}")
@CompoundIndex(name = "clinic_stage_lastEventAt", def = "{'clinicId': 1, 'stage': 1, 'lastEventAt': -1}")
public class CaseSummary extends AggregateDocument {

    @Id
    private String caseId;
    private Stage stage;
    private String status;
    /** Time of the event that set the current stage and status. */
    private Instant stageSince;
    private boolean terminal;
    private TerminalReason terminalReason;
    private String clinicId;
    private String hospitalId;
    /** Time of the event that named the current hospital. */
    private Instant hospitalSince;
    private Instant openedAt;
    @Indexed
    private Instant lastEventAt;
    private List<TimelineEntry> timeline = new ArrayList<>();

    public CaseSummary(String caseId) {
        this.caseId = Objects.requireNonNull(caseId, "caseId");
    }

    /** Takes one event into account; the same event id twice changes nothing. */
    public void apply(CaseFact fact) {
        if (!caseId.equals(fact.caseId())) {
            throw new IllegalArgumentException("fact about " + fact.caseId() + " applied to " + caseId);
        }
        if (timeline.stream().anyMatch(entry -> entry.eventId().equals(fact.entry().eventId()))) {
            return;
        }
        timeline.add(fact.entry());
        timeline.sort(TimelineEntry.CHRONOLOGICAL);
        if (lastEventAt == null || fact.at().isAfter(lastEventAt)) {
            lastEventAt = fact.at();
        }
        if (fact.clinicId() != null) {
            clinicId = fact.clinicId();
        }
        if (fact.openedAt() != null) {
            openedAt = fact.openedAt();
        }
        if (fact.hospitalId() != null && (hospitalSince == null || !fact.at().isBefore(hospitalSince))) {
            hospitalId = fact.hospitalId();
            hospitalSince = fact.at();
        }
        progress(fact);
    }

    private void progress(CaseFact fact) {
        if (fact.terminal()) {
            // The first terminal event (in event time) is the one that closed the case.
            if (!terminal || fact.at().isBefore(stageSince)) {
                terminal = true;
                terminalReason = fact.terminalReason();
                moveTo(fact);
            }
            return;
        }
        if (terminal) {
            return;
        }
        boolean forward = fact.stage().isAfter(stage);
        boolean newerAtSameStage = fact.stage() == stage && !fact.at().isBefore(stageSince);
        if (forward || newerAtSameStage) {
            moveTo(fact);
        }
    }

    private void moveTo(CaseFact fact) {
        stage = fact.stage();
        status = fact.status();
        stageSince = fact.at();
    }

    public String caseId() {
        return caseId;
    }

    public Stage stage() {
        return stage;
    }

    public String status() {
        return status;
    }

    public boolean terminal() {
        return terminal;
    }

    public TerminalReason terminalReason() {
        return terminalReason;
    }

    public String clinicId() {
        return clinicId;
    }

    public String hospitalId() {
        return hospitalId;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant lastEventAt() {
        return lastEventAt;
    }

    /** The events of this case in event-time order (empty when the timeline was left out of a list query). */
    public List<TimelineEntry> timeline() {
        return timeline == null ? List.of() : Collections.unmodifiableList(timeline);
    }
}
