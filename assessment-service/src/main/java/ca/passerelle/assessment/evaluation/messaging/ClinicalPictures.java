package ca.passerelle.assessment.evaluation.messaging;

import ca.passerelle.assessment.evaluation.CareCourse;
import ca.passerelle.assessment.evaluation.CareSession;
import ca.passerelle.assessment.evaluation.ClinicalPicture;
import ca.passerelle.assessment.evaluation.Imaging;
import ca.passerelle.assessment.evaluation.PriorProcedure;
import ca.passerelle.assessment.evaluation.ScoreReport;
import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.events.intake.ConservativeCareSessionRecorded;
import ca.passerelle.events.intake.ImagingStudy;
import ca.passerelle.events.intake.SymptomsReported;

/** Reads the clinical facts the assessment needs out of intake payloads: codes and scores only. */
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
                opened.imaging().stream().map(ClinicalPictures::imaging).toList(),
                opened.conservativeCare().stream()
                        .map(course -> new CareCourse(course.modality(), course.startedOn(), course.endedOn(), course.sessions(),
                                course.supervised())).toList(),
                opened.consents());
    }

    static Imaging imaging(ImagingStudy study) {
        return new Imaging(study.modality(), study.performedOn(), study.findings(), study.levels());
    }

    static CareSession session(ConservativeCareSessionRecorded recorded) {
        return new CareSession(recorded.sessionId(), recorded.modality(), recorded.performedOn(), recorded.supervised(), recorded.recordedAt());
    }

    static ScoreReport scores(SymptomsReported reported) {
        return new ScoreReport(reported.assessedOn(), reported.recordedAt(), reported.symptoms().painNrs(), reported.symptoms().odiPercent());
    }
}
