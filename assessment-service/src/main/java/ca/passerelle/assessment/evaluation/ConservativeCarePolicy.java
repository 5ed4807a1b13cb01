package ca.passerelle.assessment.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.intake.CareModality;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * When documented conservative care justifies considering surgery. The clinical source asks for a supervised course of
 * 3 to 6 months that failed to relieve the patient; the defaults take the lower bound and a mix of modalities.
 *
 * @param minimumSupervisedDays shortest span, earliest start to latest end of supervised care; 90 (3 months), at most 180
 * @param lookBackMonths only care within this many months counts (default 24)
 * @param physiotherapyRequired whether supervised physiotherapy must be among the modalities (default true)
 * @param minimumOtherModalities how many supervised modalities besides physiotherapy (default 1)
 * @param minimumSessions supervised sessions in total across counted care (default 12)
 * @param failedReliefPainNrs current pain at or above this NRS shows care failed to relieve (default 4)
 * @param failedReliefOdiPercent or current ODI at or above this percentage (default 30)
 * @param meaningfulNrsImprovementPoints an NRS drop of at least this many points since the first score is a clinically
 *        meaningful improvement: care is relieving (default 2, DOMAIN.md)
 * @param meaningfulNrsImprovementPercent or an NRS drop of at least this percentage of the first score (default 30)
 * @param meaningfulOdiImprovementPoints or an ODI drop of at least this many points (default 10)
 * @param minimumSupervisedDaysByCategory the minimum duration for one surgical category (the specialist's, else the
 *        one decision support suggests), each 90–180; empty by default
 */
@Validated
@ConfigurationProperties("passerelle.assessment.conservative-care")
public record ConservativeCarePolicy(
        @Min(90) @Max(180) @DefaultValue("90") int minimumSupervisedDays,
        @Min(6) @Max(60) @DefaultValue("24") int lookBackMonths,
        @DefaultValue("true") boolean physiotherapyRequired,
        @Min(0) @Max(5) @DefaultValue("1") int minimumOtherModalities,
        @Min(1) @Max(200) @DefaultValue("12") int minimumSessions,
        @Min(0) @Max(10) @DefaultValue("4") int failedReliefPainNrs,
        @DecimalMin("0") @DecimalMax("100") @DefaultValue("30") double failedReliefOdiPercent,
        @Min(1) @Max(10) @DefaultValue("2") int meaningfulNrsImprovementPoints,
        @Min(1) @Max(100) @DefaultValue("30") int meaningfulNrsImprovementPercent,
        @Min(1) @Max(100) @DefaultValue("10") int meaningfulOdiImprovementPoints,
        Map<SurgicalCategory, @NotNull @Min(90) @Max(180) Integer> minimumSupervisedDaysByCategory) {

    public ConservativeCarePolicy {
        minimumSupervisedDaysByCategory = minimumSupervisedDaysByCategory == null || minimumSupervisedDaysByCategory.isEmpty() ? Map.of()
                : Map.copyOf(new EnumMap<>(minimumSupervisedDaysByCategory));
    }

    /** The documented defaults, for tests and tools outside Spring. */
    public static ConservativeCarePolicy defaults() {
        return new ConservativeCarePolicy(90, 24, true, 1, 12, 4, 30, 2, 30, 10, Map.of());
    }

    /** The minimum supervised duration for {@code category}; the general minimum when null or not overridden. */
    public int minimumSupervisedDays(SurgicalCategory category) {
        return category == null ? minimumSupervisedDays : minimumSupervisedDaysByCategory.getOrDefault(category, minimumSupervisedDays);
    }

    /** Checks courses documented at opening and one score, under the general minimum duration. */
    public CareVerification verify(List<CareCourse> courses, int painNrs, Double odiPercent, LocalDate today) {
        return verify(courses, List.of(), List.of(new ScoreReport(today, Instant.EPOCH, painNrs, odiPercent)), null, today);
    }

    /**
     * Checks documented care on {@code today} (a date in Québec). Only supervised care within the look-back window counts:
     * a course must have ended within it (one that started before it counts from the window's start), a session must have
     * taken place within it; planned dates after today count only up to today. The sessions of one modality count as one
     * course from the first to the last. Care failed to relieve the patient when the latest scores are still at or above
     * the thresholds and show no clinically meaningful improvement since the first scores.
     *
     * @param category the surgical category the case is heading for, to choose the minimum duration; null for the general one
     */
    public CareVerification verify(List<CareCourse> courses, List<CareSession> sessions, List<ScoreReport> scores,
            SurgicalCategory category, LocalDate today) {
        LocalDate windowStart = today.minusMonths(lookBackMonths);
        int minimumDays = minimumSupervisedDays(category);
        List<CareCourse> counted = new ArrayList<>(courses.stream()
                .filter(CareCourse::supervised)
                .filter(course -> !course.endedOn().isBefore(windowStart))
                .filter(course -> !course.startedOn().isAfter(today))
                .toList());
        counted.addAll(coursesOf(sessions, windowStart, today));
        LocalDate start = counted.stream().map(course -> max(course.startedOn(), windowStart)).min(Comparator.naturalOrder()).orElse(null);
        LocalDate end = counted.stream().map(course -> min(course.endedOn(), today)).max(Comparator.naturalOrder()).orElse(null);
        long days = start == null ? 0 : ChronoUnit.DAYS.between(start, end);
        int sessionCount = counted.stream().mapToInt(CareCourse::sessions).sum();
        Set<CareModality> modalities = counted.stream().map(CareCourse::modality)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CareModality.class)));

        List<Shortfall> shortfalls = new ArrayList<>();
        LocalDate earliestEligibleOn = null;
        if (counted.isEmpty()) {
            shortfalls.add(new Shortfall(Shortfall.SUPERVISED_CARE,
                    "no supervised conservative care is documented in the last " + lookBackMonths + " months"));
        }
        if (days < minimumDays) {
            if (!counted.isEmpty()) {
                shortfalls.add(new Shortfall(Shortfall.DURATION, "supervised conservative care lasted " + days
                        + " days; the policy asks for at least " + minimumDays + " days"));
            }
            earliestEligibleOn = start == null ? today.plusDays(minimumDays) : max(start.plusDays(minimumDays), today);
        }
        if (physiotherapyRequired && !modalities.contains(CareModality.PHYSIOTHERAPY)) {
            shortfalls.add(new Shortfall(Shortfall.PHYSIOTHERAPY, "no supervised physiotherapy is documented; the policy requires it"));
        }
        long others = modalities.stream().filter(modality -> modality != CareModality.PHYSIOTHERAPY).count();
        if (others < minimumOtherModalities) {
            shortfalls.add(new Shortfall(Shortfall.MODALITIES, (others == 0 ? "no" : "only " + others)
                    + " supervised modality besides physiotherapy is documented; the policy asks for at least " + minimumOtherModalities
                    + " (for example neurovertebral decompression, manual therapy or psychological support)"));
        }
        if (sessionCount < minimumSessions) {
            shortfalls.add(new Shortfall(Shortfall.SESSIONS, (sessionCount == 0 ? "no" : "only " + sessionCount)
                    + " supervised sessions are documented; the policy asks for at least " + minimumSessions));
        }
        ScoreReport first = scores.stream().min(ScoreReport.CHRONOLOGICAL).orElse(null);
        ScoreReport latest = scores.stream().max(ScoreReport.CHRONOLOGICAL).orElse(null);
        reliefShortfall(first, latest).ifPresent(shortfalls::add);

        String summary = days + " days of supervised conservative care (" + describe(modalities) + "), " + sessionCount + " sessions; "
                + (latest == null ? "no scores" : scores(latest.painNrs(), latest.odiPercent()));
        return new CareVerification(shortfalls.isEmpty() ? CareVerification.Outcome.VERIFIED : CareVerification.Outcome.INSUFFICIENT,
                days, sessionCount, List.copyOf(modalities), shortfalls, earliestEligibleOn, summary);
    }

    /** Care failed to relieve the patient when pain or disability is still at or above the thresholds. */
    public boolean failedToRelieve(int painNrs, Double odiPercent) {
        return painNrs >= failedReliefPainNrs || (odiPercent != null && odiPercent >= failedReliefOdiPercent);
    }

    /**
     * A clinically meaningful improvement from {@code first} to {@code latest} (DOMAIN.md): NRS down by the points or the
     * percentage of the policy, or ODI down by its points.
     */
    public boolean improvedMeaningfully(ScoreReport first, ScoreReport latest) {
        int nrsDrop = first.painNrs() - latest.painNrs();
        boolean nrs = nrsDrop > 0 && (nrsDrop >= meaningfulNrsImprovementPoints
                || nrsDrop * 100 >= meaningfulNrsImprovementPercent * first.painNrs());
        boolean odi = first.odiPercent() != null && latest.odiPercent() != null
                && first.odiPercent() - latest.odiPercent() >= meaningfulOdiImprovementPoints;
        return nrs || odi;
    }

    private Optional<Shortfall> reliefShortfall(ScoreReport first, ScoreReport latest) {
        if (latest == null) {
            return Optional.of(new Shortfall(Shortfall.RELIEVED,
                    "no pain score is documented to show that conservative care failed to relieve the patient"));
        }
        if (!failedToRelieve(latest.painNrs(), latest.odiPercent())) {
            return Optional.of(new Shortfall(Shortfall.RELIEVED, "pain " + scores(latest.painNrs(), latest.odiPercent())
                    + " does not show that conservative care failed to relieve the patient; the policy asks for NRS "
                    + failedReliefPainNrs + " or more, or ODI " + percent(failedReliefOdiPercent) + " % or more"));
        }
        if (improvedMeaningfully(first, latest)) {
            return Optional.of(new Shortfall(Shortfall.RELIEVED, "pain went from " + scores(first.painNrs(), first.odiPercent())
                    + " on " + first.assessedOn() + " to " + scores(latest.painNrs(), latest.odiPercent()) + " on " + latest.assessedOn()
                    + ", a clinically meaningful improvement (NRS down " + meaningfulNrsImprovementPoints + " points or "
                    + meaningfulNrsImprovementPercent + " %, or ODI down " + meaningfulOdiImprovementPoints
                    + " points): conservative care is relieving the patient"));
        }
        return Optional.empty();
    }

    /** The supervised sessions within the window, one course per modality from its first to its last session. */
    private static List<CareCourse> coursesOf(List<CareSession> sessions, LocalDate windowStart, LocalDate today) {
        Map<CareModality, List<CareSession>> byModality = sessions.stream()
                .filter(CareSession::supervised)
                .filter(session -> !session.performedOn().isBefore(windowStart) && !session.performedOn().isAfter(today))
                .collect(Collectors.groupingBy(CareSession::modality, () -> new EnumMap<>(CareModality.class), Collectors.toList()));
        return byModality.entrySet().stream().map(entry -> new CareCourse(entry.getKey(),
                entry.getValue().stream().map(CareSession::performedOn).min(Comparator.naturalOrder()).orElseThrow(),
                entry.getValue().stream().map(CareSession::performedOn).max(Comparator.naturalOrder()).orElseThrow(),
                entry.getValue().size(), true)).toList();
    }

    private static String scores(int painNrs, Double odiPercent) {
        return "NRS " + painNrs + ", " + (odiPercent == null ? "ODI not measured" : "ODI " + percent(odiPercent) + " %");
    }

    private static String percent(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String describe(Set<CareModality> modalities) {
        return modalities.isEmpty() ? "none"
                : modalities.stream().map(modality -> modality.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .collect(Collectors.joining(", "));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
