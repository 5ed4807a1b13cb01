package ca.passerelle.assessment.evaluation;

import java.time.Instant;
import java.util.List;

import ca.passerelle.events.intake.ConsentGrants;
import ca.passerelle.events.intake.RedFlag;

/**
 * What the case carried when it was opened: pseudonymous, coded clinical facts and the consents in force, never a direct
 * identifier and never free text. Later intake events add to it in {@link Assessment}.
 */
public record ClinicalPicture(
        String clinicId,
        Instant openedAt,
        String diagnosisCode,
        int ageYears,
        int painNrs,
        Double odiPercent,
        List<RedFlag> redFlags,
        List<PriorProcedure> priorSurgeries,
        List<Imaging> imaging,
        List<CareCourse> conservativeCare,
        ConsentGrants consents) {

    public ClinicalPicture {
        redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
        priorSurgeries = priorSurgeries == null ? List.of() : List.copyOf(priorSurgeries);
        imaging = imaging == null ? List.of() : List.copyOf(imaging);
        conservativeCare = conservativeCare == null ? List.of() : List.copyOf(conservativeCare);
    }
}
