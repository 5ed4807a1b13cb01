package ca.passerelle.assessment.evaluation;

import java.time.Instant;
import java.util.List;

import ca.passerelle.events.intake.RedFlag;

/** What the assessment knows of a case when it is opened: pseudonymous clinical facts, never a direct identifier. */
public record ClinicalPicture(
        String clinicId,
        Instant openedAt,
        String diagnosisCode,
        int ageYears,
        int painNrs,
        Double odiPercent,
        List<RedFlag> redFlags,
        List<PriorProcedure> priorSurgeries,
        List<ImagingFinding> imaging,
        List<CareCourse> conservativeCare) {

    public ClinicalPicture {
        redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
        priorSurgeries = priorSurgeries == null ? List.of() : List.copyOf(priorSurgeries);
        imaging = imaging == null ? List.of() : List.copyOf(imaging);
        conservativeCare = conservativeCare == null ? List.of() : List.copyOf(conservativeCare);
    }
}
