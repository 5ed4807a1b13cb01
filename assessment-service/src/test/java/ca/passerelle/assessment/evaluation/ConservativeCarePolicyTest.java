package ca.passerelle.assessment.evaluation;

import static ca.passerelle.assessment.evaluation.Cases.TODAY;
import static ca.passerelle.assessment.evaluation.Cases.course;
import static ca.passerelle.assessment.evaluation.Cases.unsupervised;
import static ca.passerelle.events.intake.CareModality.MANUAL_THERAPY;
import static ca.passerelle.events.intake.CareModality.NEUROVERTEBRAL_DECOMPRESSION;
import static ca.passerelle.events.intake.CareModality.PHYSIOTHERAPY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ConservativeCarePolicyTest {

    private final ConservativeCarePolicy policy = ConservativeCarePolicy.defaults();

    private CareVerification verify(CareCourse... courses) {
        return policy.verify(List.of(courses), 7, 48.0, TODAY);
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
}
