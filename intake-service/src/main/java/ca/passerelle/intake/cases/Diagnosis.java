package ca.passerelle.intake.cases;

/** The referring diagnosis: an ICD-10 code (M96.1 for FBSS) and the clinic's wording. */
public record Diagnosis(String icd10Code, String description) {
}
