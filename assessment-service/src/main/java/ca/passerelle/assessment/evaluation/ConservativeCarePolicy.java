package ca.passerelle.assessment.evaluation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import ca.passerelle.events.intake.CareModality;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * When documented conservative care justifies considering surgery. The clinical source asks for a supervised course of
 * 3 to 6 months that failed to relieve the patient; the defaults take the lower bound and a mix of modalities.
 *
 * @param minimumSupervisedDays shortest span, earliest start to latest end of supervised courses; 90 (3 months), at most 180
 * @param lookBackMonths only courses that ended within this many months count (default 24)
 * @param physiotherapyRequired whether supervised physiotherapy must be among the modalities (default true)
 * @param minimumOtherModalities how many supervised modalities besides physiotherapy (default 1)
 * @param minimumSessions supervised sessions in total across counted courses (default 12)
 * @param failedReliefPainNrs current pain at or above this NRS shows care failed to relieve (default 4)
 * @param failedReliefOdiPercent or current ODI at or above this percentage (default 30)
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
        @DecimalMin("0") @DecimalMax("100") @DefaultValue("30") double failedReliefOdiPercent) {

    /** The documented defaults, for tests and tools outside Spring. */
    public static ConservativeCarePolicy defaults() {
        return new ConservativeCarePolicy(90, 24, true, 1, 12, 4, 30);
    }

    /**
     * Checks documented care on {@code today} (a date in Québec). Only supervised courses that ended within the look-back
     * window count; a course that started before the window counts from the window's start, and planned dates after
     * today count only up to today.
     */
    public CareVerification verify(List<CareCourse> courses, int painNrs, Double odiPercent, LocalDate today) {
        LocalDate windowStart = today.minusMonths(lookBackMonths);
        List<CareCourse> counted = courses.stream()
                .filter(CareCourse::supervised)
                .filter(course -> !course.endedOn().isBefore(windowStart))
                .filter(course -> !course.startedOn().isAfter(today))
                .toList();
        LocalDate start = counted.stream().map(course -> max(course.startedOn(), windowStart)).min(Comparator.naturalOrder()).orElse(null);
        LocalDate end = counted.stream().map(course -> min(course.endedOn(), today)).max(Comparator.naturalOrder()).orElse(null);
        long days = start == null ? 0 : ChronoUnit.DAYS.between(start, end);
        int sessions = counted.stream().mapToInt(CareCourse::sessions).sum();
        Set<CareModality> modalities = counted.stream().map(CareCourse::modality)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CareModality.class)));

        List<String> missing = new ArrayList<>();
        LocalDate earliestEligibleOn = null;
        if (counted.isEmpty()) {
            missing.add("no supervised conservative care is documented in the last " + lookBackMonths + " months");
        }
        if (days < minimumSupervisedDays) {
            if (!counted.isEmpty()) {
                missing.add("supervised conservative care lasted " + days + " days; the policy asks for at least "
                        + minimumSupervisedDays + " days");
            }
            earliestEligibleOn = start == null ? today.plusDays(minimumSupervisedDays) : max(start.plusDays(minimumSupervisedDays), today);
        }
        if (physiotherapyRequired && !modalities.contains(CareModality.PHYSIOTHERAPY)) {
            missing.add("no supervised physiotherapy is documented; the policy requires it");
        }
        long others = modalities.stream().filter(modality -> modality != CareModality.PHYSIOTHERAPY).count();
        if (others < minimumOtherModalities) {
            missing.add((others == 0 ? "no" : "only " + others) + " supervised modality besides physiotherapy is documented; the policy asks for at least "
                    + minimumOtherModalities + " (for example neurovertebral decompression, manual therapy or psychological support)");
        }
        if (sessions < minimumSessions) {
            missing.add((sessions == 0 ? "no" : "only " + sessions) + " supervised sessions are documented; the policy asks for at least "
                    + minimumSessions);
        }
        if (!failedToRelieve(painNrs, odiPercent)) {
            missing.add("pain " + scores(painNrs, odiPercent) + " does not show that conservative care failed to relieve the patient;"
                    + " the policy asks for NRS " + failedReliefPainNrs + " or more, or ODI " + percent(failedReliefOdiPercent) + " % or more");
        }

        String summary = days + " days of supervised conservative care (" + describe(modalities) + "), " + sessions + " sessions; "
                + scores(painNrs, odiPercent);
        return new CareVerification(missing.isEmpty() ? CareVerification.Outcome.VERIFIED : CareVerification.Outcome.INSUFFICIENT,
                days, sessions, List.copyOf(modalities), missing, earliestEligibleOn, summary);
    }

    /** Care failed to relieve the patient when pain or disability is still at or above the thresholds. */
    public boolean failedToRelieve(int painNrs, Double odiPercent) {
        return painNrs >= failedReliefPainNrs || (odiPercent != null && odiPercent >= failedReliefOdiPercent);
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
