package ca.passerelle.assessment.evaluation.web;

import java.time.LocalDate;
import java.util.List;

import ca.passerelle.assessment.evaluation.Imaging;
import ca.passerelle.assessment.evaluation.SpecialistDecision;
import ca.passerelle.events.assessment.FbssCause;
import ca.passerelle.events.intake.RadiologicalFinding;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The specialist's evaluation: a category or NOT_A_CANDIDATE, the probable FBSS causes, the imaging findings they read
 * (coded, optional) and why.
 */
record EvaluationRequest(
        @NotNull SpecialistDecision decision,
        @Size(max = 10) List<@NotNull FbssCause> probableCauses,
        @Size(max = 10) List<@NotNull @Valid ImagingReading> imagingFindings,
        @Size(max = 4000) String rationale) {

    /** Spinal levels such as {@code L4-L5}, {@code L5-S1} or {@code L3-L4,L4-L5}: codes only, as intake takes them. */
    static final String LEVELS = "(C[1-7]|T([1-9]|1[0-2])|L[1-5]|S[1-5])(-(C[1-7]|T([1-9]|1[0-2])|L[1-5]|S[1-5]))?"
            + "(,(C[1-7]|T([1-9]|1[0-2])|L[1-5]|S[1-5])(-(C[1-7]|T([1-9]|1[0-2])|L[1-5]|S[1-5]))?)*";

    /**
     * What the specialist read on one imaging study: the study (modality and date), the levels and the coded findings
     * (instability, compression or stenosis, disc degeneration, facet arthrosis, hardware failure, fibrosis, …).
     */
    record ImagingReading(
            @NotBlank @Pattern(regexp = "MRI_GADOLINIUM|MRI|CT|XRAY", message = "must be MRI_GADOLINIUM, MRI, CT or XRAY") String modality,
            @NotNull @PastOrPresent LocalDate performedOn,
            @Size(max = 50) @Pattern(regexp = LEVELS, message = "must be spinal levels such as L4-L5 or L4-L5,L5-S1") String levels,
            @NotEmpty @Size(max = 30) List<@NotNull RadiologicalFinding> findings) {

        Imaging toImaging() {
            return new Imaging(modality, performedOn, findings, levels);
        }
    }

    @AssertTrue(message = "rationale is required when the decision is NOT_A_CANDIDATE")
    boolean isRationaleGivenWhenDeclining() {
        return decision != SpecialistDecision.NOT_A_CANDIDATE || (rationale != null && !rationale.isBlank());
    }

    /** The readings as decision support reads them; empty when none were given. */
    List<Imaging> readings() {
        return imagingFindings == null ? List.of() : imagingFindings.stream().map(ImagingReading::toImaging).toList();
    }
}
