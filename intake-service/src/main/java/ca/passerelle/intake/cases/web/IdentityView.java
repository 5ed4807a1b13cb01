package ca.passerelle.intake.cases.web;

import java.time.LocalDate;

import ca.passerelle.intake.cases.CaseId;
import ca.passerelle.intake.cases.Patient;

/** {@code GET /api/cases/{caseId}/identity}: what a service needs to book travel in the patient's name; no RAMQ number. */
public record IdentityView(String caseId, String familyNameAtBirth, String firstName, LocalDate dateOfBirth, String sex, String phone,
        String email, String preferredLanguage) {

    static IdentityView of(CaseId id, Patient patient) {
        return new IdentityView(id.value(), patient.familyNameAtBirth(), patient.firstName(), patient.dateOfBirth(),
                patient.sex() == null ? null : patient.sex().name(), patient.phone(), patient.email(), patient.preferredLanguage());
    }
}
