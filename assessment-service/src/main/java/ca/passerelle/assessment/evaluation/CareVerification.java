package ca.passerelle.assessment.evaluation;

import java.time.LocalDate;
import java.util.List;

import ca.passerelle.events.intake.CareModality;

/**
 * The result of checking documented conservative care against {@link ConservativeCarePolicy}.
 *
 * @param shortfalls what the policy still needs, one rule each; empty when verified
 * @param earliestEligibleOn earliest date the minimum-duration rule can be met; null when the duration is already met
 * @param evidenceSummary one line saying what was counted
 */
public record CareVerification(
        Outcome outcome,
        long supervisedDays,
        int sessions,
        List<CareModality> modalities,
        List<Shortfall> shortfalls,
        LocalDate earliestEligibleOn,
        String evidenceSummary) {

    /** Whether conservative care meets the policy. */
    public enum Outcome {
        VERIFIED,
        INSUFFICIENT
    }

    public CareVerification {
        modalities = modalities == null ? List.of() : List.copyOf(modalities);
        shortfalls = shortfalls == null ? List.of() : List.copyOf(shortfalls);
    }

    public boolean verified() {
        return outcome == Outcome.VERIFIED;
    }

    /** What is missing, one plain sentence per unmet rule (what {@code ConservativeCareInsufficient} carries). */
    public List<String> missing() {
        return shortfalls.stream().map(Shortfall::explanation).toList();
    }

    /** The codes of the unmet rules, e.g. {@code duration}, {@code modalities}, {@code relieved}. */
    public List<String> unmet() {
        return shortfalls.stream().map(Shortfall::rule).toList();
    }
}
