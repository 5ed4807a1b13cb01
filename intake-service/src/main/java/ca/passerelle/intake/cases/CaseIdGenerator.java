package ca.passerelle.intake.cases;

/** Where new case ids come from; a seam so that tests can open a case with a known id. */
@FunctionalInterface
public interface CaseIdGenerator {

    CaseId next();
}
