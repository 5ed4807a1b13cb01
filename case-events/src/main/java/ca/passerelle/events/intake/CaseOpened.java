package ca.passerelle.events.intake;

import java.time.Instant;
import java.util.List;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.Contract;

/**
 * Emitted by intake-service when a clinic opens a case. Carries the coded clinical picture needed downstream, no direct
 * identifier (no name, RAMQ number, birth date or contact) and no free text. Version 2: procedures and imaging findings
 * are codes ({@link SpineProcedure}, {@link RadiologicalFinding}); version 1 carried the clinic's wording in clear and is retired.
 */
public record CaseOpened(
        String caseId,
        String clinicId,
        Instant openedAt,
        String diagnosisCode,
        Integer ageYears,
        String homeRegion,
        String preferredLanguage,
        List<PriorSurgery> priorSurgeries,
        Symptoms symptoms,
        List<RedFlag> redFlags,
        List<ImagingStudy> imaging,
        List<ConservativeCareCourse> conservativeCare,
        ConsentGrants consents) implements CasePayload {

    public CaseOpened {
        Contract.requireText(caseId, "caseId");
        Contract.requireText(clinicId, "clinicId");
        Contract.require(openedAt, "openedAt");
        Contract.requireText(diagnosisCode, "diagnosisCode");
        Contract.require(ageYears, "ageYears");
        Contract.requireRange(ageYears, 0, 130, "ageYears");
        Contract.require(symptoms, "symptoms");
        Contract.require(consents, "consents");
        priorSurgeries = Contract.listOrEmpty(priorSurgeries);
        redFlags = Contract.listOrEmpty(redFlags);
        imaging = Contract.listOrEmpty(imaging);
        conservativeCare = Contract.listOrEmpty(conservativeCare);
    }
}
