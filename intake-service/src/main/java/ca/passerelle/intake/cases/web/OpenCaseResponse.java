package ca.passerelle.intake.cases.web;

import java.util.List;

import ca.passerelle.intake.cases.PatientCase;
import ca.passerelle.intake.cases.RamqWarning;

/** The answer to {@code POST /api/cases}: the case id, its status, the scored ODI and what the RAMQ number disagreed with. */
public record OpenCaseResponse(String caseId, String status, Double odiPercent, List<String> ramqWarnings) {

    static OpenCaseResponse of(PatientCase opened) {
        return new OpenCaseResponse(opened.id().value(), opened.status().name(), opened.symptoms().odiPercent(),
                opened.ramqWarnings().stream().map(RamqWarning::code).toList());
    }
}
