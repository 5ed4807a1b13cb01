package ca.passerelle.intake.cases;

import java.time.LocalDate;
import java.time.Period;

/**
 * Who the patient is: the direct identifiers that never leave intake-service.
 *
 * @param ramqNumber normalised (no spaces, upper case) once the case is open
 */
public record Patient(String familyNameAtBirth, String firstName, LocalDate dateOfBirth, Sex sex, String ramqNumber,
        String phone, String email, String preferredLanguage, String homeRegion) {

    /** Completed years of age on the given day. */
    public int ageOn(LocalDate day) {
        return Period.between(dateOfBirth, day).getYears();
    }

    Patient withRamqNumber(RamqNumber normalised) {
        return new Patient(familyNameAtBirth, firstName, dateOfBirth, sex, normalised.value(), phone, email, preferredLanguage,
                homeRegion);
    }
}
