package ca.passerelle.rehab.plan;

import java.time.LocalDate;
import java.util.List;

import ca.passerelle.events.Contract;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.events.rehab.Adherence;

/** A follow-up report as the clinic sends it, before it is scored and matched to a checkpoint. */
public record FollowUpDraft(
        LocalDate assessedOn,
        int painNrs,
        List<Integer> odiSectionScores,
        boolean complications,
        List<RedFlag> redFlags,
        Adherence adherence,
        String notes) {

    public FollowUpDraft {
        Contract.require(assessedOn, "assessedOn");
        Contract.requireRange(painNrs, 0, 10, "painNrs");
        redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
        adherence = adherence == null ? Adherence.NOT_REPORTED : adherence;
    }
}
