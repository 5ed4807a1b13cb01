package ca.passerelle.travel.booking;

import java.time.LocalDate;
import java.util.Set;

import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.platform.web.RuleViolationException;

/**
 * What the coordinator knows of the patient that narrows the search: when the patient can be in France, whether they
 * need a French-speaking team, and hospitals they will not go to. Dates and hospital ids only: nothing here identifies
 * the patient, and none of it leaves the coordinators' API (not in events, feeds or logs).
 *
 * @param availableFrom first day the patient can be at the hospital: the pre-op consultation (surgery − pre-op days) is
 *        never before it; null for no limit
 * @param availableUntil last day the patient can be away: the fit-to-fly date (surgery + the category's fit-to-fly
 *        days) is never after it; null for no limit
 * @param frenchSpeakingOnly only hospitals that speak French (otherwise French-speaking ones are only preferred)
 * @param excludedHospitals hospital ids never offered for this patient
 */
public record PatientConstraints(LocalDate availableFrom, LocalDate availableUntil, boolean frenchSpeakingOnly,
        Set<String> excludedHospitals) {

    /** No constraint: the policy's window, every hospital. */
    public static final PatientConstraints NONE = new PatientConstraints(null, null, false, Set.of());

    public PatientConstraints {
        excludedHospitals = excludedHospitals == null ? Set.of() : Set.copyOf(excludedHospitals);
        if (availableFrom != null && availableUntil != null && availableUntil.isBefore(availableFrom)) {
            throw new RuleViolationException("availability-ends-before-it-starts",
                    "availableUntil must not be before availableFrom");
        }
    }

    /** Whether this hospital may be offered to the patient at all (language, exclusions). */
    boolean admits(Facility hospital) {
        return !excludedHospitals.contains(hospital.id()) && (!frenchSpeakingOnly || hospital.speaksFrench());
    }

    /** The earliest surgery date: the policy's, or later so that the pre-op consultation falls on a day the patient is there. */
    LocalDate earliestSurgeryOn(LocalDate policyFrom, SchedulingProperties policy) {
        if (availableFrom == null) {
            return policyFrom;
        }
        LocalDate patientFrom = availableFrom.plusDays(policy.preOpDaysBefore());
        return patientFrom.isAfter(policyFrom) ? patientFrom : policyFrom;
    }

    /** The latest surgery date: the policy's, or earlier so that the patient is fit to fly home by {@code availableUntil}. */
    LocalDate latestSurgeryOn(LocalDate policyTo, SurgicalCategory category, SchedulingProperties policy) {
        if (availableUntil == null) {
            return policyTo;
        }
        LocalDate patientTo = availableUntil.minusDays(policy.fitToFlyDays().get(category));
        return patientTo.isBefore(policyTo) ? patientTo : policyTo;
    }
}
