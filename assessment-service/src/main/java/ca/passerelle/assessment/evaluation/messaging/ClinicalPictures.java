package ca.passerelle.assessment.evaluation.messaging;

import ca.passerelle.assessment.evaluation.CareCourse;
import ca.passerelle.assessment.evaluation.ClinicalPicture;
import ca.passerelle.assessment.evaluation.ImagingFinding;
import ca.passerelle.assessment.evaluation.PriorProcedure;
import ca.passerelle.events.intake.CaseOpened;

/** Reads the clinical picture the assessment needs out of a {@link CaseOpened} payload. */
final class ClinicalPictures {

    private ClinicalPictures() {
    }

    static ClinicalPicture from(CaseOpened opened) {
        return new ClinicalPicture(
                opened.clinicId(),
                opened.openedAt(),
                opened.diagnosisCode(),
                opened.ageYears(),
                opened.symptoms().painNrs(),
                opened.symptoms().odiPercent(),
                opened.redFlags(),
                opened.priorSurgeries().stream()
                        .map(surgery -> new PriorProcedure(surgery.performedOn(), surgery.procedure(), surgery.levels())).toList(),
                opened.imaging().stream()
                        .map(study -> new ImagingFinding(study.modality(), study.performedOn(), study.findingsSummary())).toList(),
                opened.conservativeCare().stream()
                        .map(course -> new CareCourse(course.modality(), course.startedOn(), course.endedOn(), course.sessions(),
                                course.supervised())).toList());
    }
}
