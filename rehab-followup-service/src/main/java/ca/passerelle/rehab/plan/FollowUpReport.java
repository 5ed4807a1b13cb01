package ca.passerelle.rehab.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.events.rehab.Adherence;
import ca.passerelle.events.rehab.Progress;

/**
 * One follow-up report of the assigned clinic, as stored in the plan's document. The section scores are kept (the ODI is
 * scored from them), the notes only sealed ({@link NotesCipher}): they never reach an event or a log.
 *
 * @param checkpointDueOn the checkpoint it answers, null for a report between checkpoints
 * @param sealedNotes the clinic's notes encrypted, null when it wrote none
 * @param idempotencyKey the clinic's {@code Idempotency-Key}, null when it sent none
 * @param requestFingerprint the digest of the request that key came with (never the request itself), null without key
 */
public record FollowUpReport(
        String reportId,
        String clinicId,
        LocalDate checkpointDueOn,
        LocalDate assessedOn,
        int painNrs,
        List<Integer> odiSectionScores,
        double odiPercent,
        boolean complications,
        List<RedFlag> redFlags,
        Adherence adherence,
        Progress progress,
        String sealedNotes,
        Instant recordedAt,
        String idempotencyKey,
        String requestFingerprint) {

    public FollowUpReport {
        // Unmodifiable copies that keep the one unanswered (null) section.
        odiSectionScores = odiSectionScores == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(odiSectionScores));
        redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
    }
}
