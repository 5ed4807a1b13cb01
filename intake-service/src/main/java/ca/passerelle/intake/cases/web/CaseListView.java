package ca.passerelle.intake.cases.web;

import java.time.Instant;
import java.util.List;

import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.intake.cases.CaseUpdate;
import ca.passerelle.intake.cases.Cases.CasePage;
import ca.passerelle.intake.cases.PatientCase;

/** {@code GET /api/cases}: one page of cases, pseudonymous (no identity: open a case to see it, which is audited). */
public record CaseListView(int page, int size, long total, List<CaseSummary> cases) {

    /** What a list shows of a case: ids, status and the current clinical scores. */
    public record CaseSummary(String caseId, String referringClinicId, String status, Instant openedAt, Instant lastUpdatedAt,
            String diagnosisCode, Integer painNrs, Double odiPercent, List<RedFlag> redFlags, boolean careCoordinationConsent) {

        static CaseSummary of(PatientCase found) {
            List<CaseUpdate> history = found.history();
            Instant lastUpdated = history.isEmpty() ? found.openedAt() : history.get(history.size() - 1).recordedAt();
            return new CaseSummary(found.id().value(), found.clinicId(), found.status().name(), found.openedAt(), lastUpdated,
                    found.diagnosis().icd10Code(), found.symptoms().painNrs(), found.symptoms().odiPercent(), found.redFlags(),
                    found.consents().grantsCareCoordination());
        }
    }

    static CaseListView of(CasePage found, int page, int size) {
        return new CaseListView(page, size, found.total(), found.cases().stream().map(CaseSummary::of).toList());
    }
}
