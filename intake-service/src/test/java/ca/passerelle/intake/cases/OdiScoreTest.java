package ca.passerelle.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OdiScoreTest {

    @Test
    void scoresTenAnsweredSectionsOutOfFifty() {
        OdiScore score = OdiScore.of(List.of(3, 3, 2, 3, 2, 3, 2, 2, 2, 2));

        assertThat(score.percent()).isEqualTo(48.0);
        assertThat(score.band()).isEqualTo(OdiBand.SEVERE);
    }

    @Test
    void scoresNineAnsweredSectionsOutOfFortyFiveToOneDecimal() {
        OdiScore score = OdiScore.of(Arrays.asList(1, 1, 1, 1, 1, 1, 1, 1, 2, null));

        assertThat(score.percent()).isEqualTo(22.2);
        assertThat(score.band()).isEqualTo(OdiBand.MODERATE);
    }

    @Test
    void scoresTheExtremes() {
        assertThat(OdiScore.of(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).percent()).isZero();
        assertThat(OdiScore.of(List.of(5, 5, 5, 5, 5, 5, 5, 5, 5, 5))).isEqualTo(new OdiScore(100.0, OdiBand.BED_BOUND));
    }

    @Test
    void refusesMoreThanOneUnansweredSection() {
        assertThatThrownBy(() -> OdiScore.of(Arrays.asList(1, 1, 1, 1, 1, 1, 1, 1, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most one");
    }

    @Test
    void refusesAnythingButTenSections() {
        assertThatThrownBy(() -> OdiScore.of(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OdiScore.of(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesASectionScoreOutsideZeroToFive() {
        assertThatThrownBy(() -> OdiScore.of(List.of(6, 1, 1, 1, 1, 1, 1, 1, 1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OdiScore.of(List.of(-1, 1, 1, 1, 1, 1, 1, 1, 1, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"0, MINIMAL", "20, MINIMAL", "20.1, MODERATE", "22.2, MODERATE", "40, MODERATE", "41, SEVERE", "60, SEVERE",
            "62, CRIPPLING", "80, CRIPPLING", "82, BED_BOUND", "100, BED_BOUND"})
    void bandsFollowTheOswestryThresholds(double percent, OdiBand band) {
        assertThat(OdiBand.of(percent)).isEqualTo(band);
    }

    @Test
    void bandsHaveTheirClinicalNames() {
        assertThat(Arrays.stream(OdiBand.values()).map(OdiBand::code))
                .containsExactly("minimal", "moderate", "severe", "crippling", "bed-bound");
    }
}
