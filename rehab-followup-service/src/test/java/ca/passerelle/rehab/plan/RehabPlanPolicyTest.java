package ca.passerelle.rehab.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.rehab.RehabPhase;

class RehabPlanPolicyTest {

    private static final LocalDate SURGERY = LocalDate.of(2027, 1, 20);

    private final RehabPlanPolicy policy = PlanSettings.policy();

    @Test
    void datesTheFourPhasesOfASimpleDecompressionTwoSixAndEightWeeksThenUntilTwelveMonths() {
        RehabSchedule schedule = policy.scheduleFor(SurgicalCategory.SIMPLE_DECOMPRESSION, SURGERY);

        assertThat(schedule.phases()).containsExactly(
                phase(RehabPhase.INITIAL_IMMOBILISATION, "2027-01-20", "2027-02-03"),
                phase(RehabPhase.PROGRESSIVE_MOBILISATION, "2027-02-03", "2027-03-17"),
                phase(RehabPhase.MUSCLE_STRENGTHENING, "2027-03-17", "2027-05-12"),
                phase(RehabPhase.WELLBEING_MAINTENANCE, "2027-05-12", "2028-01-20"));
    }

    @Test
    void immobilisesAFusionLongerFourEightAndTwelveWeeks() {
        RehabSchedule schedule = policy.scheduleFor(SurgicalCategory.FUSION, SURGERY);

        assertThat(schedule.phases()).containsExactly(
                phase(RehabPhase.INITIAL_IMMOBILISATION, "2027-01-20", "2027-02-17"),
                phase(RehabPhase.PROGRESSIVE_MOBILISATION, "2027-02-17", "2027-04-14"),
                phase(RehabPhase.MUSCLE_STRENGTHENING, "2027-04-14", "2027-07-07"),
                phase(RehabPhase.WELLBEING_MAINTENANCE, "2027-07-07", "2028-01-20"));
    }

    @Test
    void strengthensAfterMotionPreservationForTenWeeks() {
        RehabSchedule schedule = policy.scheduleFor(SurgicalCategory.MOTION_PRESERVATION, SURGERY);

        assertThat(schedule.phases()).containsExactly(
                phase(RehabPhase.INITIAL_IMMOBILISATION, "2027-01-20", "2027-02-03"),
                phase(RehabPhase.PROGRESSIVE_MOBILISATION, "2027-02-03", "2027-03-17"),
                phase(RehabPhase.MUSCLE_STRENGTHENING, "2027-03-17", "2027-05-26"),
                phase(RehabPhase.WELLBEING_MAINTENANCE, "2027-05-26", "2028-01-20"));
    }

    @Test
    void plansEveryCategoryAsFourContiguousPhasesInTheOrderOfTheClinicalSource() {
        for (SurgicalCategory category : SurgicalCategory.values()) {
            List<PlannedPhase> phases = policy.scheduleFor(category, SURGERY).phases();

            assertThat(phases).extracting(PlannedPhase::phase).containsExactly(RehabPhase.values());
            assertThat(phases.get(0).startsOn()).isEqualTo(SURGERY);
            for (int i = 1; i < phases.size(); i++) {
                assertThat(phases.get(i).startsOn()).as("%s phase %d", category, i).isEqualTo(phases.get(i - 1).endsOn());
            }
            assertThat(phases.get(3).endsOn()).isEqualTo(SURGERY.plusMonths(12));
        }
    }

    @Test
    void schedulesCheckpointsAtTwoAndSixWeeksThenThreeSixAndTwelveMonths() {
        RehabSchedule schedule = policy.scheduleFor(SurgicalCategory.FUSION, SURGERY);

        assertThat(schedule.checkpoints()).containsExactly(
                new Checkpoint(LocalDate.parse("2027-02-03"), "Bilan à 2 semaines"),
                new Checkpoint(LocalDate.parse("2027-03-03"), "Bilan à 6 semaines"),
                new Checkpoint(LocalDate.parse("2027-04-20"), "Bilan à 3 mois"),
                new Checkpoint(LocalDate.parse("2027-07-20"), "Bilan à 6 mois"),
                new Checkpoint(LocalDate.parse("2028-01-20"), "Bilan à 12 mois"));
    }

    @Test
    void keepsMonthlyCheckpointsOnTheLastDayOfShorterMonths() {
        RehabSchedule schedule = policy.scheduleFor(SurgicalCategory.SIMPLE_DECOMPRESSION, LocalDate.of(2027, 8, 31));

        assertThat(schedule.checkpoints()).extracting(Checkpoint::dueOn).containsExactly(
                LocalDate.parse("2027-09-14"), LocalDate.parse("2027-10-12"), LocalDate.parse("2027-11-30"),
                LocalDate.parse("2028-02-29"), LocalDate.parse("2028-08-31"));
    }

    @Test
    void takesConfiguredDurationsForOneCategoryAndKeepsTheDefaultsOfTheOthers() {
        RehabPlanPolicy configured = new RehabPlanPolicy(PlanSettings.bind(Map.of(
                "passerelle.rehab.plan.phases.fusion.initial-immobilisation", "6w",
                "passerelle.rehab.plan.phases.fusion.progressive-mobilisation", "2m",
                "passerelle.rehab.plan.phases.fusion.muscle-strengthening", "P90D")));

        assertThat(configured.scheduleFor(SurgicalCategory.FUSION, SURGERY).phases()).extracting(PlannedPhase::endsOn)
                .containsExactly(LocalDate.parse("2027-03-03"), LocalDate.parse("2027-05-03"), LocalDate.parse("2027-08-01"),
                        LocalDate.parse("2028-01-20"));
        assertThat(configured.scheduleFor(SurgicalCategory.SIMPLE_DECOMPRESSION, SURGERY).phases().get(0).endsOn())
                .isEqualTo(LocalDate.parse("2027-02-03"));
    }

    @Test
    void takesConfiguredCheckpointsInDateOrder() {
        RehabPlanPolicy configured = new RehabPlanPolicy(PlanSettings.bind(Map.of(
                "passerelle.rehab.plan.checkpoints[0].after", "1m",
                "passerelle.rehab.plan.checkpoints[0].label", "Bilan à 1 mois",
                "passerelle.rehab.plan.checkpoints[1].after", "10d",
                "passerelle.rehab.plan.checkpoints[1].label", "Retrait des agrafes")));

        assertThat(configured.scheduleFor(SurgicalCategory.FUSION, SURGERY).checkpoints()).containsExactly(
                new Checkpoint(LocalDate.parse("2027-01-30"), "Retrait des agrafes"),
                new Checkpoint(LocalDate.parse("2027-02-20"), "Bilan à 1 mois"));
    }

    @Test
    void refusesAPhaseOfNoDuration() {
        assertThatThrownBy(() -> PlanSettings.bind(Map.of(
                "passerelle.rehab.plan.phases.fusion.initial-immobilisation", "0w",
                "passerelle.rehab.plan.phases.fusion.progressive-mobilisation", "8w",
                "passerelle.rehab.plan.phases.fusion.muscle-strengthening", "12w")))
                .hasStackTraceContaining("initial-immobilisation must be a positive period");
    }

    @Test
    void refusesPhasesThatLeaveNoTimeForWellbeingMaintenance() {
        assertThatThrownBy(() -> PlanSettings.bind(Map.of(
                "passerelle.rehab.plan.follow-up", "6m",
                "passerelle.rehab.plan.phases.fusion.initial-immobilisation", "8w",
                "passerelle.rehab.plan.phases.fusion.progressive-mobilisation", "8w",
                "passerelle.rehab.plan.phases.fusion.muscle-strengthening", "12w")))
                .hasStackTraceContaining("The first three phases of FUSION must end before the follow-up does");
    }

    @Test
    void refusesACheckpointWithoutLabel() {
        assertThatThrownBy(() -> PlanSettings.bind(Map.of(
                "passerelle.rehab.plan.checkpoints[0].after", "2w",
                "passerelle.rehab.plan.checkpoints[0].label", " ")))
                .hasStackTraceContaining("checkpoints[0].label");
    }

    private static PlannedPhase phase(RehabPhase phase, String startsOn, String endsOn) {
        return new PlannedPhase(phase, LocalDate.parse(startsOn), LocalDate.parse(endsOn));
    }
}
