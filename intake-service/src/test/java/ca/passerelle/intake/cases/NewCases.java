package ca.passerelle.intake.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ca.passerelle.events.intake.CareModality;
import ca.passerelle.events.intake.RadiologicalFinding;
import ca.passerelle.events.intake.SpineProcedure;

/** Test fixture: submissions as the domain receives them. */
final class NewCases {

    static final Consent GRANTED = new Consent(true, Instant.parse("2026-11-02T13:50:00Z"), ConsentMethod.WRITTEN, "2026-01");

    private NewCases() {
    }

    static Patient marie(String ramq) {
        return new Patient("Tremblay", "Marie", LocalDate.of(1974, 3, 12), Sex.F, ramq, "+1-450-555-0101", "marie@example.org", "fr",
                "QC-13");
    }

    static Consents consents(Consent careCoordination) {
        return new Consents(careCoordination, GRANTED, null);
    }

    static NewCase submission(Patient patient, Consents consents) {
        return new NewCase("clinic-qc-laval-01", patient, new Diagnosis("M96.1", "FBSS"),
                List.of(new PriorSurgery(LocalDate.of(2023, 3, 14), SpineProcedure.DISCECTOMY, "L4-L5", "Discectomie L4-L5")), 7,
                List.of(3, 3, 2, 3, 2, 3, 2, 2, 2, 2), List.of(),
                List.of(new ImagingStudy("MRI", LocalDate.of(2026, 9, 20), List.of(RadiologicalFinding.EPIDURAL_FIBROSIS), "L4-L5", "Fibrose")),
                List.of(new ConservativeCareCourse(CareModality.PHYSIOTHERAPY, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 8, 28), 24,
                        true)),
                consents);
    }

    static NewCase aSubmission() {
        return submission(marie("TREM 7453 1217"), consents(GRANTED));
    }
}
