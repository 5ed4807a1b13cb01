package ca.passerelle.assessment.evaluation;

import static ca.passerelle.assessment.evaluation.Cases.TODAY;
import static ca.passerelle.assessment.evaluation.Cases.course;
import static ca.passerelle.assessment.evaluation.Cases.unsupervised;
import static ca.passerelle.events.intake.CareModality.MANUAL_THERAPY;
import static ca.passerelle.events.intake.CareModality.NEUROVERTEBRAL_DECOMPRESSION;
import static ca.passerelle.events.intake.CareModality.PHYSIOTHERAPY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.intake.CareModality;

class ConservativeCarePolicyTest {

    private final ConservativeCarePolicy policy = ConservativeCarePolicy.defaults();

    private CareVerification verify(CareCourse... courses) {
        return policy.verify(List.of(courses), 7, 48.0, TODAY);
    }

    /** Supervised sessions of one modality every 7 days from {@code from} up to {@code to}. */
    private static List<CareSession> weekly(CareModality modality, String from, String to) {
        return every(7, modality, from, to);
    }

    /** Supervised sessions of one modality every {@code days} days from {@code from} up to {@code to}. */
    private static List<CareSession> every(int days, CareModality modality, String from, String to) {
        List<CareSession> sessions = new ArrayList<>();
        for (LocalDate day = LocalDate.parse(from); !day.isAfter(LocalDate.parse(to)); day = day.plusDays(days)) {
            sessions.add(new CareSession(modality + "-" + day, modality, day, true, day.atStartOfDay(Assessment.CARE_ZONE).toInstant()));
        }
        return sessions;
    }

    private static ScoreReport scores(String on, int nrs, Double odi) {
        return new ScoreReport(LocalDate.parse(on), Instant.parse(on + "T12:00:00Z"), nrs, odi);
    }

    @SafeVarargs
    private static List<CareSession> sessions(List<CareSession>... groups) {
        return Stream.of(groups).flatMap(List::stream).toList();
    }

    /** The acceptance table of issue #5, on 2026-11-02 under the default policy. */
    static Stream<Arguments> acceptanceTable() {
        List<CareSession> fourMonthsPhysioAndDecompression = sessions(weekly(PHYSIOTHERAPY, "2026-07-01", "2026-10-28"),
                weekly(NEUROVERTEBRAL_DECOMPRESSION, "2026-08-05", "2026-10-21"));
        return Stream.of(
                Arguments.of("2 months of physiotherapy only", every(4, PHYSIOTHERAPY, "2026-09-01", "2026-10-31"),
                        List.of(scores("2026-09-01", 7, 48.0)), CareVerification.Outcome.INSUFFICIENT, List.of("duration", "modalities")),
                Arguments.of("4 months of physiotherapy and decompression, NRS 7 / ODI 48 persisting", fourMonthsPhysioAndDecompression,
                        List.of(scores("2026-07-01", 7, 48.0), scores("2026-10-30", 7, 48.0)), CareVerification.Outcome.VERIFIED, List.of()),
                Arguments.of("4 months, NRS improved 8 → 3", fourMonthsPhysioAndDecompression,
                        List.of(scores("2026-07-01", 8, 50.0), scores("2026-10-30", 3, 24.0)), CareVerification.Outcome.INSUFFICIENT,
                        List.of("relieved")),
                Arguments.of("4 months, NRS 8 → 6: still above the threshold but a meaningful 2-point improvement",
                        fourMonthsPhysioAndDecompression, List.of(scores("2026-07-01", 8, 50.0), scores("2026-10-30", 6, 46.0)),
                        CareVerification.Outcome.INSUFFICIENT, List.of("relieved")),
                Arguments.of("4 months, ODI 58 → 46: a meaningful 12-point improvement", fourMonthsPhysioAndDecompression,
                        List.of(scores("2026-07-01", 7, 58.0), scores("2026-10-30", 7, 46.0)), CareVerification.Outcome.INSUFFICIENT,
                        List.of("relieved")),
                Arguments.of("4 months, NRS 7 → 6 and ODI 48 → 44: no meaningful improvement", fourMonthsPhysioAndDecompression,
                        List.of(scores("2026-07-01", 7, 48.0), scores("2026-10-30", 6, 44.0)), CareVerification.Outcome.VERIFIED, List.of()),
                Arguments.of("physiotherapy sessions older than the 24-month look-back are ignored",
                        sessions(weekly(PHYSIOTHERAPY, "2024-01-08", "2024-10-28"), weekly(MANUAL_THERAPY, "2026-08-03", "2026-10-26")),
                        List.of(scores("2026-08-03", 7, 48.0)), CareVerification.Outcome.INSUFFICIENT, List.of("duration", "physiotherapy")),
                Arguments.of("no care at all", List.of(), List.of(scores("2026-10-01", 7, 48.0)), CareVerification.Outcome.INSUFFICIENT,
                        List.of("supervised-care", "physiotherapy", "modalities", "sessions")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptanceTable")
    void decidesTheAcceptanceTable(String situation, List<CareSession> sessions, List<ScoreReport> scores,
            CareVerification.Outcome outcome, List<String> unmet) {
        CareVerification verification = policy.verify(List.of(), sessions, scores, null, TODAY);

        assertThat(verification.outcome()).as(situation).isEqualTo(outcome);
        assertThat(verification.unmet()).as(situation).containsExactlyElementsOf(unmet);
        assertThat(verification.missing()).as(situation).hasSameSizeAs(unmet);
    }

    @Test
    void countsOnlySessionsWithinTheLookBackAndSupervised() {
        List<CareSession> sessions = new ArrayList<>(weekly(PHYSIOTHERAPY, "2024-01-08", "2024-10-28"));
        sessions.addAll(weekly(MANUAL_THERAPY, "2026-08-03", "2026-10-26"));
        sessions.add(new CareSession("unsupervised", PHYSIOTHERAPY, LocalDate.parse("2026-09-01"), false, Instant.parse("2026-09-01T12:00:00Z")));
        sessions.add(new CareSession("planned", PHYSIOTHERAPY, LocalDate.parse("2026-11-20"), true, Instant.parse("2026-10-20T12:00:00Z")));

        CareVerification verification = policy.verify(List.of(), sessions, List.of(scores("2026-08-03", 7, 48.0)), null, TODAY);

        assertThat(verification.sessions()).isEqualTo(13);
        assertThat(verification.modalities()).containsExactly(MANUAL_THERAPY);
        assertThat(verification.supervisedDays()).isEqualTo(84);
        assertThat(verification.earliestEligibleOn()).isEqualTo(TODAY);
    }

    @Test
    void ignoresTheSessionsOutsideTheLookBackBecauseOfTheLookBackAlone() {
        List<CareSession> sessions = sessions(weekly(PHYSIOTHERAPY, "2024-01-08", "2024-10-28"), weekly(MANUAL_THERAPY, "2026-08-03", "2026-10-26"));
        List<ScoreReport> scores = List.of(scores("2026-08-03", 7, 48.0));
        ConservativeCarePolicy threeYears = new ConservativeCarePolicy(90, 36, true, 1, 12, 4, 30, 2, 30, 10, Map.of());

        CareVerification underDefaults = policy.verify(List.of(), sessions, scores, null, TODAY);
        CareVerification underThreeYears = threeYears.verify(List.of(), sessions, scores, null, TODAY);

        assertThat(underDefaults.modalities()).containsExactly(MANUAL_THERAPY);
        assertThat(underDefaults.sessions()).isEqualTo(13);
        assertThat(underThreeYears.modalities()).containsExactly(PHYSIOTHERAPY, MANUAL_THERAPY);
        assertThat(underThreeYears.sessions()).isEqualTo(13 + 43);
        assertThat(underThreeYears.verified()).isTrue();
    }

    @Test
    void countsASessionOnTheFirstDayOfTheLookBackAndNotTheDayBefore() {
        LocalDate windowStart = TODAY.minusMonths(24);
        List<CareSession> care = new ArrayList<>(weekly(MANUAL_THERAPY, "2026-08-03", "2026-10-26"));
        care.add(new CareSession("physio-first-day", PHYSIOTHERAPY, windowStart, true, windowStart.atStartOfDay(Assessment.CARE_ZONE).toInstant()));
        care.add(new CareSession("physio-day-before", PHYSIOTHERAPY, windowStart.minusDays(1), true,
                windowStart.minusDays(1).atStartOfDay(Assessment.CARE_ZONE).toInstant()));

        CareVerification verification = policy.verify(List.of(), care, List.of(scores("2026-08-03", 7, 48.0)), null, TODAY);

        assertThat(verification.sessions()).isEqualTo(13 + 1);
        assertThat(verification.modalities()).containsExactly(PHYSIOTHERAPY, MANUAL_THERAPY);
        assertThat(verification.supervisedDays()).isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(windowStart, LocalDate.parse("2026-10-26")));
    }

    @Test
    void addsSessionsToTheCoursesDocumentedAtOpening() {
        CareVerification verification = policy.verify(List.of(course(PHYSIOTHERAPY, "2026-07-01", "2026-08-31", 9)),
                weekly(NEUROVERTEBRAL_DECOMPRESSION, "2026-09-07", "2026-10-26"), List.of(scores("2026-07-01", 7, 48.0)), null, TODAY);

        assertThat(verification.verified()).isTrue();
        assertThat(verification.sessions()).isEqualTo(17);
        assertThat(verification.supervisedDays()).isEqualTo(117);
        assertThat(verification.evidenceSummary()).isEqualTo(
                "117 days of supervised conservative care (physiotherapy, neurovertebral decompression), 17 sessions; NRS 7, ODI 48 %");
    }

    @Test
    void asksForTheLongerMinimumOfTheCategoryTheCaseIsHeadingFor() {
        ConservativeCarePolicy longerForFusion = new ConservativeCarePolicy(90, 24, true, 1, 12, 4, 30, 2, 30, 10,
                Map.of(SurgicalCategory.FUSION, 150));
        List<CareCourse> care = List.of(course(PHYSIOTHERAPY, "2026-06-01", "2026-10-01", 20), course(MANUAL_THERAPY, "2026-06-01", "2026-07-01", 4));

        assertThat(longerForFusion.verify(care, List.of(), List.of(scores("2026-06-01", 7, 48.0)), SurgicalCategory.SIMPLE_DECOMPRESSION, TODAY)
                .verified()).isTrue();
        CareVerification forFusion = longerForFusion.verify(care, List.of(), List.of(scores("2026-06-01", 7, 48.0)), SurgicalCategory.FUSION, TODAY);
        assertThat(forFusion.unmet()).containsExactly("duration");
        assertThat(forFusion.missing()).containsExactly("supervised conservative care lasted 122 days; the policy asks for at least 150 days");
        assertThat(forFusion.earliestEligibleOn()).isEqualTo(TODAY);
    }

    @Test
    void verifiesLongEnoughSupervisedPhysiotherapyWithAnotherModalityThatFailedToRelieve() {
        CareVerification verification = verify(course(PHYSIOTHERAPY, "2026-03-02", "2026-08-28", 24),
                course(NEUROVERTEBRAL_DECOMPRESSION, "2026-05-04", "2026-08-14", 12));

        assertThat(verification.outcome()).isEqualTo(CareVerification.Outcome.VERIFIED);
        assertThat(verification.missing()).isEmpty();
        assertThat(verification.earliestEligibleOn()).isNull();
        assertThat(verification.supervisedDays()).isEqualTo(179);
        assertThat(verification.sessions()).isEqualTo(36);
        assertThat(verification.modalities()).containsExactly(PHYSIOTHERAPY, NEUROVERTEBRAL_DECOMPRESSION);
        assertThat(verification.evidenceSummary()).isEqualTo(
                "179 days of supervised conservative care (physiotherapy, neurovertebral decompression), 36 sessions; NRS 7, ODI 48 %");
    }

    @Test
    void acceptsExactlyTheMinimumDuration() {
        CareVerification verification = verify(course(PHYSIOTHERAPY, "2026-06-01", "2026-08-30", 10),
                course(MANUAL_THERAPY, "2026-06-01", "2026-07-01", 2));

        assertThat(verification.supervisedDays()).isEqualTo(90);
        assertThat(verification.verified()).isTrue();
    }

    @Test
    void saysHowShortTheDurationIsAndTheEarliestDateItCanBeMet() {
        CareVerification verification = verify(course(PHYSIOTHERAPY, "2026-09-18", "2026-11-02", 10),
                course(MANUAL_THERAPY, "2026-09-20", "2026-10-20", 4));

        assertThat(verification.outcome()).isEqualTo(CareVerification.Outcome.INSUFFICIENT);
        assertThat(verification.missing()).containsExactly(
                "supervised conservative care lasted 45 days; the policy asks for at least 90 days");
        assertThat(verification.earliestEligibleOn()).isEqualTo(LocalDate.of(2026, 12, 17));
    }

    @Test
    void earliestDateIsNeverInThePastWhenCareStoppedTooEarly() {
        CareVerification verification = verify(course(PHYSIOTHERAPY, "2026-01-05", "2026-02-20", 10),
                course(MANUAL_THERAPY, "2026-01-05", "2026-02-20", 4));

        assertThat(verification.missing()).containsExactly(
                "supervised conservative care lasted 46 days; the policy asks for at least 90 days");
        assertThat(verification.earliestEligibleOn()).isEqualTo(TODAY);
    }

    @Test
    void requiresSupervisedPhysiotherapy() {
        CareVerification verification = verify(course(MANUAL_THERAPY, "2026-03-02", "2026-08-28", 12),
                course(NEUROVERTEBRAL_DECOMPRESSION, "2026-03-02", "2026-08-28", 12));

        assertThat(verification.missing()).containsExactly("no supervised physiotherapy is documented; the policy requires it");
        assertThat(verification.earliestEligibleOn()).isNull();
    }

    @Test
    void requiresAnotherModalityBesidesPhysiotherapy() {
        CareVerification verification = verify(course(PHYSIOTHERAPY, "2026-03-02", "2026-08-28", 24));

        assertThat(verification.missing()).containsExactly("no supervised modality besides physiotherapy is documented;"
                + " the policy asks for at least 1 (for example neurovertebral decompression, manual therapy or psychological support)");
    }

    @Test
    void requiresTheMinimumNumberOfSupervisedSessions() {
        CareVerification verification = verify(course(PHYSIOTHERAPY, "2026-03-02", "2026-08-28", 8),
                course(MANUAL_THERAPY, "2026-04-01", "2026-05-01", 3));

        assertThat(verification.missing()).containsExactly("only 11 supervised sessions are documented; the policy asks for at least 12");
    }

    @Test
    void requiresPainOrDisabilityShowingCareFailedToRelieve() {
        CareVerification verification = policy.verify(List.of(course(PHYSIOTHERAPY, "2026-03-02", "2026-08-28", 24),
                course(MANUAL_THERAPY, "2026-04-01", "2026-05-01", 6)), 3, 22.0, TODAY);

        assertThat(verification.missing()).containsExactly("pain NRS 3, ODI 22 % does not show that conservative care failed to relieve"
                + " the patient; the policy asks for NRS 4 or more, or ODI 30 % or more");
    }

    @Test
    void disabilityAloneShowsCareFailedToRelieve() {
        assertThat(policy.failedToRelieve(2, 30.0)).isTrue();
        assertThat(policy.failedToRelieve(4, null)).isTrue();
        assertThat(policy.failedToRelieve(3, 29.9)).isFalse();
        assertThat(policy.failedToRelieve(3, null)).isFalse();
    }

    @Test
    void listsEverythingMissingWhenNoSupervisedCareIsDocumented() {
        CareVerification verification = verify(unsupervised(PHYSIOTHERAPY, "2026-03-02", "2026-08-28", 24));

        assertThat(verification.missing()).containsExactly(
                "no supervised conservative care is documented in the last 24 months",
                "no supervised physiotherapy is documented; the policy requires it",
                "no supervised modality besides physiotherapy is documented; the policy asks for at least 1"
                        + " (for example neurovertebral decompression, manual therapy or psychological support)",
                "no supervised sessions are documented; the policy asks for at least 12");
        assertThat(verification.supervisedDays()).isZero();
        assertThat(verification.earliestEligibleOn()).isEqualTo(TODAY.plusDays(90));
    }

    @Test
    void ignoresCoursesThatEndedBeforeTheLookBackWindow() {
        CareVerification verification = verify(course(PHYSIOTHERAPY, "2024-01-08", "2024-10-31", 40),
                course(MANUAL_THERAPY, "2026-09-01", "2026-10-15", 6));

        assertThat(verification.supervisedDays()).isEqualTo(44);
        assertThat(verification.sessions()).isEqualTo(6);
        assertThat(verification.modalities()).containsExactly(MANUAL_THERAPY);
        assertThat(verification.missing()).contains("no supervised physiotherapy is documented; the policy requires it");
    }

    @Test
    void countsACourseStraddlingTheWindowFromTheWindowStartOnly() {
        CareVerification verification = verify(course(PHYSIOTHERAPY, "2024-06-03", "2024-12-02", 20),
                course(MANUAL_THERAPY, "2024-11-04", "2024-12-02", 4));

        assertThat(verification.supervisedDays()).isEqualTo(30);
        assertThat(verification.earliestEligibleOn()).isEqualTo(TODAY);
    }

    @Test
    void countsPlannedCareOnlyUpToToday() {
        CareVerification verification = verify(course(PHYSIOTHERAPY, "2026-09-18", "2027-03-01", 10),
                course(MANUAL_THERAPY, "2026-09-18", "2026-10-18", 4));

        assertThat(verification.supervisedDays()).isEqualTo(45);
        assertThat(verification.earliestEligibleOn()).isEqualTo(LocalDate.of(2026, 12, 17));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ConservativeCarePolicy.class)
    static class PolicyConfiguration {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(PolicyConfiguration.class);

    @Test
    void bindsTheDocumentedDefaults() {
        context.run(started -> assertThat(started.getBean(ConservativeCarePolicy.class)).isEqualTo(ConservativeCarePolicy.defaults()));
    }

    @Test
    void refusesAMinimumDurationOutsideThreeToSixMonths() {
        context.withPropertyValues("passerelle.assessment.conservative-care.minimum-supervised-days=60")
                .run(started -> assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("minimumSupervisedDays"));
        context.withPropertyValues("passerelle.assessment.conservative-care.minimum-supervised-days=181")
                .run(started -> assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("minimumSupervisedDays"));
        context.withPropertyValues("passerelle.assessment.conservative-care.minimum-supervised-days=180")
                .run(started -> assertThat(started.getBean(ConservativeCarePolicy.class).minimumSupervisedDays()).isEqualTo(180));
    }

    @Test
    void bindsAndValidatesAMinimumDurationPerSurgicalCategory() {
        context.withPropertyValues("passerelle.assessment.conservative-care.minimum-supervised-days-by-category.FUSION=150")
                .run(started -> assertThat(started.getBean(ConservativeCarePolicy.class).minimumSupervisedDays(SurgicalCategory.FUSION))
                        .isEqualTo(150));
        context.withPropertyValues("passerelle.assessment.conservative-care.minimum-supervised-days-by-category.FUSION=200")
                .run(started -> assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("minimumSupervisedDaysByCategory"));
    }
}
