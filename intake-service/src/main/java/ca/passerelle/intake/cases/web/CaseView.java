package ca.passerelle.intake.cases.web;

import java.time.Instant;
import java.util.List;

import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.intake.cases.AttachedDocument;
import ca.passerelle.intake.cases.CareSession;
import ca.passerelle.intake.cases.Closure;
import ca.passerelle.intake.cases.Consents;
import ca.passerelle.intake.cases.ConservativeCareCourse;
import ca.passerelle.intake.cases.Diagnosis;
import ca.passerelle.intake.cases.ImagingStudy;
import ca.passerelle.intake.cases.Patient;
import ca.passerelle.intake.cases.PatientCase;
import ca.passerelle.intake.cases.PriorSurgery;
import ca.passerelle.intake.cases.RamqWarning;
import ca.passerelle.intake.cases.Symptoms;
import ca.passerelle.intake.cases.SymptomsReport;

/**
 * {@code GET /api/cases/{caseId}}: the whole case, identity included: the current clinical picture (symptoms are the latest
 * report, imaging and red flags include those posted later, consents as in force now) and the history of updates.
 */
public record CaseView(String caseId, String status, String referringClinicId, Instant openedAt, Patient patient, Diagnosis diagnosis,
        List<PriorSurgery> priorSurgeries, SymptomsView symptoms, List<RedFlag> redFlags, List<ImagingStudy> imaging,
        List<ConservativeCareCourse> conservativeCare, List<CareSession> conservativeCareSessions, List<SymptomsReportView> symptomReports,
        List<AttachedDocument> documents, Consents consents, List<String> ramqWarnings, Closure closure, List<HistoryEntry> history) {

    /** The pain score, the ODI section scores as given and the ODI as scored. */
    public record SymptomsView(int painNrs, List<Integer> odiSectionScores, Double odiPercent, String odiBand) {

        static SymptomsView of(Symptoms symptoms) {
            return new SymptomsView(symptoms.painNrs(), symptoms.odiSectionScores(), symptoms.odiPercent(),
                    symptoms.odiBand() == null ? null : symptoms.odiBand().code());
        }
    }

    /** One symptoms report posted after the referral. */
    public record SymptomsReportView(java.time.LocalDate assessedOn, SymptomsView symptoms, Instant recordedAt) {

        static SymptomsReportView of(SymptomsReport report) {
            return new SymptomsReportView(report.assessedOn(), SymptomsView.of(report.symptoms()), report.recordedAt());
        }
    }

    /** One update of the case: what, when, by whom (an account or client id). */
    public record HistoryEntry(String updateId, String kind, Instant recordedAt, String recordedBy, String resourceId) {
    }

    static CaseView of(PatientCase found) {
        return new CaseView(found.id().value(), found.status().name(), found.clinicId(), found.openedAt(), found.patient(),
                found.diagnosis(), found.priorSurgeries(), SymptomsView.of(found.symptoms()), found.redFlags(), found.imaging(),
                found.conservativeCare(), found.conservativeCareSessions(),
                found.symptomReports().stream().map(SymptomsReportView::of).toList(), found.documents(), found.consents(),
                found.ramqWarnings().stream().map(RamqWarning::code).toList(), found.closure(),
                found.history().stream().map(update -> new HistoryEntry(update.updateId(), update.kind().name(), update.recordedAt(),
                        update.recordedBy(), update.resourceId())).toList());
    }
}
