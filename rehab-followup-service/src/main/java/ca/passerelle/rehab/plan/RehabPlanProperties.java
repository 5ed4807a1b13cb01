package ca.passerelle.rehab.plan;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import ca.passerelle.events.assessment.SurgicalCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * How a rehabilitation plan is dated from the day of surgery. Periods accept {@code 2w}, {@code 3m}, {@code 1y} or ISO-8601.
 * A category left out of {@code phases}, or an empty {@code checkpoints}, keeps its default.
 *
 * @param followUp how long after surgery the follow-up (and the well-being maintenance phase) ends
 * @param phases per surgical category, how long each of the first three phases lasts; they follow one another from the day
 *        of surgery and the fourth runs until the end of the follow-up
 * @param checkpoints when the Québec clinic reports, counted from the day of surgery
 */
@Validated
@ConfigurationProperties("passerelle.rehab.plan")
public record RehabPlanProperties(
        @NotNull @DefaultValue("12m") Period followUp,
        @NotEmpty Map<SurgicalCategory, @Valid @NotNull PhaseDurations> phases,
        @NotEmpty List<@Valid @NotNull CheckpointRule> checkpoints) {

    /** A reference date for sanity checks of periods that mix months and days. */
    private static final LocalDate REFERENCE = LocalDate.of(2001, 1, 1);

    static final Map<SurgicalCategory, PhaseDurations> DEFAULT_PHASES = Map.of(
            SurgicalCategory.SIMPLE_DECOMPRESSION, new PhaseDurations(Period.ofWeeks(2), Period.ofWeeks(6), Period.ofWeeks(8)),
            SurgicalCategory.FUSION, new PhaseDurations(Period.ofWeeks(4), Period.ofWeeks(8), Period.ofWeeks(12)),
            SurgicalCategory.MOTION_PRESERVATION, new PhaseDurations(Period.ofWeeks(2), Period.ofWeeks(6), Period.ofWeeks(10)));

    static final List<CheckpointRule> DEFAULT_CHECKPOINTS = List.of(
            new CheckpointRule(Period.ofWeeks(2), "Bilan à 2 semaines"),
            new CheckpointRule(Period.ofWeeks(6), "Bilan à 6 semaines"),
            new CheckpointRule(Period.ofMonths(3), "Bilan à 3 mois"),
            new CheckpointRule(Period.ofMonths(6), "Bilan à 6 mois"),
            new CheckpointRule(Period.ofMonths(12), "Bilan à 12 mois"));

    public RehabPlanProperties {
        requirePositive(followUp, "passerelle.rehab.plan.follow-up");
        Map<SurgicalCategory, PhaseDurations> merged = new EnumMap<>(DEFAULT_PHASES);
        if (phases != null) {
            merged.putAll(phases);
        }
        phases = Map.copyOf(merged);
        checkpoints = checkpoints == null || checkpoints.isEmpty() ? DEFAULT_CHECKPOINTS : List.copyOf(checkpoints);
        if (followUp != null) {
            phases.forEach((category, durations) -> durations.requireEndBefore(followUp, category));
            checkpoints.forEach(rule -> rule.requireWithin(followUp));
        }
    }

    /** The phase durations of one category; never null for a category of the catalog. */
    public PhaseDurations durationsFor(SurgicalCategory category) {
        PhaseDurations durations = phases.get(category);
        if (durations == null) {
            throw new IllegalStateException("No phase durations for surgical category " + category);
        }
        return durations;
    }

    /** How long the first three phases last; the well-being maintenance phase fills the rest of the follow-up. */
    public record PhaseDurations(
            @NotNull Period initialImmobilisation,
            @NotNull Period progressiveMobilisation,
            @NotNull Period muscleStrengthening) {

        public PhaseDurations {
            requirePositive(initialImmobilisation, "initial-immobilisation");
            requirePositive(progressiveMobilisation, "progressive-mobilisation");
            requirePositive(muscleStrengthening, "muscle-strengthening");
        }

        void requireEndBefore(Period followUp, SurgicalCategory category) {
            if (initialImmobilisation == null || progressiveMobilisation == null || muscleStrengthening == null) {
                return;
            }
            LocalDate strengtheningEnds = REFERENCE.plus(initialImmobilisation).plus(progressiveMobilisation).plus(muscleStrengthening);
            if (!strengtheningEnds.isBefore(REFERENCE.plus(followUp))) {
                throw new IllegalArgumentException("The first three phases of " + category
                        + " must end before the follow-up does (" + followUp + ")");
            }
        }
    }

    /** A checkpoint {@code after} the day of surgery, shown with its label. */
    public record CheckpointRule(@NotNull Period after, @NotBlank String label) {

        public CheckpointRule {
            requirePositive(after, "checkpoint");
        }

        void requireWithin(Period followUp) {
            if (after != null && REFERENCE.plus(after).isAfter(REFERENCE.plus(followUp))) {
                throw new IllegalArgumentException("Checkpoint '" + label + "' (" + after + ") falls after the follow-up ends (" + followUp + ")");
            }
        }
    }

    private static void requirePositive(Period period, String name) {
        if (period != null && !REFERENCE.plus(period).isAfter(REFERENCE)) {
            throw new IllegalArgumentException(name + " must be a positive period but was " + period);
        }
    }
}
