package ca.passerelle.travel.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.passerelle.events.assessment.SurgicalCategory;

class SchedulingPropertiesTest {

    private static final LocalDate SURGERY = LocalDate.parse("2027-01-20");

    @Test
    void placesThePreOpConsultationTwoDaysBeforeSurgery() {
        assertThat(Policies.defaults().preOpConsultationOn(SURGERY)).isEqualTo("2027-01-18");
    }

    @Test
    void letsThePatientFlyLaterAfterTheMoreInvasiveProcedures() {
        SchedulingProperties policy = Policies.defaults();

        assertThat(policy.fitToFlyOn(SurgicalCategory.SIMPLE_DECOMPRESSION, SURGERY)).isEqualTo("2027-01-30");
        assertThat(policy.fitToFlyOn(SurgicalCategory.MOTION_PRESERVATION, SURGERY)).isEqualTo("2027-02-01");
        assertThat(policy.fitToFlyOn(SurgicalCategory.FUSION, SURGERY)).isEqualTo("2027-02-03");
    }

    @Test
    void overridesOneCategoryAndKeepsTheOtherDefaults() {
        SchedulingProperties policy = Policies.bind(Map.of("passerelle.travel.scheduling.fit-to-fly-days.FUSION", "21"));

        assertThat(policy.fitToFlyOn(SurgicalCategory.FUSION, SURGERY)).isEqualTo("2027-02-10");
        assertThat(policy.fitToFlyOn(SurgicalCategory.SIMPLE_DECOMPRESSION, SURGERY)).isEqualTo("2027-01-30");
    }

    @Test
    void searchesFromTheMinimumLeadTimeToTheHorizon() {
        SchedulingProperties policy = Policies.defaults();
        LocalDate today = LocalDate.parse("2026-11-12");

        assertThat(policy.searchFrom(today)).isEqualTo("2026-12-03");
        assertThat(policy.searchTo(today)).isEqualTo("2027-03-12");
        assertThat(policy.autoPick()).isTrue();
        assertThat(policy.maxOptions()).isEqualTo(5);
    }

    @Test
    void doublesTheRetryWaitUpToItsCap() {
        SchedulingProperties policy = Policies.bind(Map.of("passerelle.travel.scheduling.retry-initial", "1s",
                "passerelle.travel.scheduling.retry-max", "5s"));

        assertThat(policy.backOff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backOff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backOff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backOff(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.backOff(40)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void rejectsASearchWindowThatClosesBeforeItOpens() {
        assertThatThrownBy(() -> Policies.bind(Map.of("passerelle.travel.scheduling.min-lead-days", "130")))
                .hasStackTraceContaining("searchHorizonDays must be after minLeadDays");
    }

    @Test
    void rejectsNegativeFitToFlyDays() {
        assertThatThrownBy(() -> Policies.bind(Map.of("passerelle.travel.scheduling.fit-to-fly-days.FUSION", "-1")))
                .hasStackTraceContaining("fitToFlyDays");
    }
}
