package ca.passerelle.assessment.evaluation;

import java.time.LocalDate;
import java.util.List;

import ca.passerelle.events.intake.CareModality;

/**
 * The result of checking documented conservative care against {@link ConservativeCarePolicy}.
 *
 * @param missing what the policy still needs, one plain sentence each; empty when verified
 * @param earliestEligibleOn earliest date the minimum-duration rule can be met; null when the duration is already met
 * @param evidenceSummary one line saying what was counted
 */
public record CareVerification(
        Outcome outcome,
        long supervisedDays,
        int sessions,
        List<CareModality> modalities,
        List<String> missing,
        LocalDate earliestEligibleOn,
        String evidenceSummary) {

    /** Whether conservative care meets the policy. */
    public enum Outcome {
        VERIFIED,
        INSUFFICIENT
    }

    public CareVerification {
        modalities = modalities == null ? List.of() : List.copyOf(modalities);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    public boolean verified() {
        return outcome == Outcome.VERIFIED;
    }
}
