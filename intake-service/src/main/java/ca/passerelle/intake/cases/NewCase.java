package ca.passerelle.intake.cases;

import java.util.List;

import ca.passerelle.events.intake.RedFlag;

/**
 * What a clinic submits to open a case, before intake's rules ran.
 *
 * @param patient the identity as typed (the RAMQ number not yet normalised)
 * @param odiSectionScores the ten ODI section scores, null entries unanswered; null if not measured
 * @param consents may be null: then no consent was recorded
 */
public record NewCase(String clinicId, Patient patient, Diagnosis diagnosis, List<PriorSurgery> priorSurgeries, Integer painNrs,
        List<Integer> odiSectionScores, List<RedFlag> redFlags, List<ImagingStudy> imaging,
        List<ConservativeCareCourse> conservativeCare, Consents consents) {

    public NewCase {
        priorSurgeries = priorSurgeries == null ? List.of() : List.copyOf(priorSurgeries);
        redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
        imaging = imaging == null ? List.of() : List.copyOf(imaging);
        conservativeCare = conservativeCare == null ? List.of() : List.copyOf(conservativeCare);
    }
}
