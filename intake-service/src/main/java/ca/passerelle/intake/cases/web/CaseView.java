package ca.passerelle.intake.cases.web;

import java.time.Instant;
import java.util.List;

import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.intake.cases.Consents;
import ca.passerelle.intake.cases.ConservativeCareCourse;
import ca.passerelle.intake.cases.Diagnosis;
import ca.passerelle.intake.cases.ImagingStudy;
import ca.passerelle.intake.cases.Patient;
import ca.passerelle.intake.cases.PatientCase;
import ca.passerelle.intake.cases.PriorSurgery;
import ca.passerelle.intake.cases.RamqWarning;

/** {@code GET /api/cases/{caseId}}: the whole case, identity included, as the referring clinic submitted it. */
public record CaseView(String caseId, String status, String referringClinicId, Instant openedAt, Patient patient, Diagnosis diagnosis,
        List<PriorSurgery> priorSurgeries, SymptomsView symptoms, List<RedFlag> redFlags, List<ImagingStudy> imaging,
        List<ConservativeCareCourse> conservativeCare, Consents consents, List<String> ramqWarnings) {

    /** The pain score, the ODI section scores as given and the ODI as scored. */
    public record SymptomsView(int painNrs, List<Integer> odiSectionScores, Double odiPercent, String odiBand) {
    }

    static CaseView of(PatientCase found) {
        var symptoms = found.symptoms();
        return new CaseView(found.id().value(), found.status().name(), found.clinicId(), found.openedAt(), found.patient(),
                found.diagnosis(), found.priorSurgeries(),
                new SymptomsView(symptoms.painNrs(), symptoms.odiSectionScores(), symptoms.odiPercent(),
                        symptoms.odiBand() == null ? null : symptoms.odiBand().code()),
                found.redFlags(), found.imaging(), found.conservativeCare(), found.consents(),
                found.ramqWarnings().stream().map(RamqWarning::code).toList());
    }
}
