package ca.passerelle.rehab.plan.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.events.rehab.Adherence;
import ca.passerelle.rehab.plan.FollowUpDraft;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/cases/{caseId}/follow-ups}: the ten ODI section scores (0–5, null for the one section the
 * patient may leave unanswered), scored by the service; notes are free text, sealed at rest and never on an event.
 */
record FollowUpRequest(
        @NotNull LocalDate assessedOn,
        @NotNull @Min(0) @Max(10) Integer painNrs,
        @NotNull @Size(min = 10, max = 10) List<@Min(0) @Max(5) Integer> odiSectionScores,
        Boolean complications,
        List<@NotNull RedFlag> redFlags,
        Adherence adherence,
        @Size(max = 4000) String notes) {

    @AssertTrue(message = "at most one ODI section may be left unanswered")
    boolean isAtMostOneOdiSectionUnanswered() {
        return odiSectionScores == null || odiSectionScores.stream().filter(Objects::isNull).count() <= 1;
    }

    FollowUpDraft toDraft() {
        return new FollowUpDraft(assessedOn, painNrs, odiSectionScores, Boolean.TRUE.equals(complications), redFlags, adherence, notes);
    }
}
