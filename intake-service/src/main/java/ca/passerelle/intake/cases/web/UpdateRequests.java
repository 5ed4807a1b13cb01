package ca.passerelle.intake.cases.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;

import ca.passerelle.events.intake.CareModality;
import ca.passerelle.events.intake.ClosureReason;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.events.intake.SessionResponse;
import ca.passerelle.intake.cases.Consent;
import ca.passerelle.intake.cases.ConsentMethod;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the updates a clinic posts on an open case. None names a clinic, a status or a case: those are not the caller's to set. */
public final class UpdateRequests {

    private UpdateRequests() {
    }

    /** {@code POST /api/cases/{caseId}/conservative-care-sessions}; the provider's name is sealed and never published. */
    public record CareSessionRequest(
            @NotNull CareModality modality,
            @NotNull @PlausibleDate LocalDate performedOn,
            @Min(1) @Max(600) Integer durationMinutes,
            @Size(max = 200) String provider,
            @NotNull Boolean supervised,
            SessionResponse response) implements IntakeCommand {
    }

    /** {@code POST /api/cases/{caseId}/symptoms}: pain NRS and, optionally, the ten ODI section scores (scored by intake). */
    public record SymptomsReportRequest(
            @NotNull @PlausibleDate LocalDate assessedOn,
            @NotNull @Min(0) @Max(10) Integer painNrs,
            @Size(min = 10, max = 10, message = "must hold the 10 ODI section scores") List<@Min(0) @Max(5) Integer> odiSectionScores)
            implements IntakeCommand {

        @JsonIgnore
        @AssertTrue(message = "at most one ODI section may be unanswered")
        public boolean isOdiSectionScoresAnswered() {
            return odiSectionScores == null || odiSectionScores.stream().filter(Objects::isNull).count() <= 1;
        }
    }

    /** {@code POST /api/cases/{caseId}/red-flags}. */
    public record RedFlagsRequest(@NotNull @Size(min = 1, max = 20) List<@NotNull RedFlag> redFlags) implements IntakeCommand {
    }

    /** {@code POST} (give) or {@code DELETE} (withdraw) {@code /api/cases/{caseId}/consents/{purpose}}: the evidence of the decision. */
    public record ConsentChangeRequest(@NotNull @PlausibleDate Instant recordedAt, @NotNull ConsentMethod method, @NotBlank @Size(max = 50) String textVersion)
            implements IntakeCommand {

        Consent toConsent(boolean granted) {
            return new Consent(granted, recordedAt, method, textVersion);
        }
    }

    /** {@code POST /api/cases/{caseId}/close}. */
    public record CloseCaseRequest(@NotNull ClosureReason reason) implements IntakeCommand {
    }
}
