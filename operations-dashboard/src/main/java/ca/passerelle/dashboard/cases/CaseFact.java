package ca.passerelle.dashboard.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * What one case event means for the summary: the stage it points to, the status text, and the few attributes it carries.
 *
 * @param terminalReason set when the event ends the case
 * @param clinicId set by the event that opens the case
 * @param openedAt set by the event that opens the case
 * @param hospitalId set by events that name the partner hospital
 */
public record CaseFact(
        String caseId,
        TimelineEntry entry,
        Stage stage,
        String status,
        TerminalReason terminalReason,
        String clinicId,
        Instant openedAt,
        String hospitalId) {

    public CaseFact {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        if ((terminalReason != null) != (stage == Stage.CLOSED)) {
            throw new IllegalArgumentException("a terminal fact, and only a terminal fact, closes the case");
        }
    }

    public Instant at() {
        return entry.at();
    }

    public boolean terminal() {
        return terminalReason != null;
    }
}
