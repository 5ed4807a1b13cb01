package ca.passerelle.rehab.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OdiScoreTest {

    @ParameterizedTest(name = "{0} scores {1} %")
    @CsvSource(delimiter = ';', value = {
            "0,0,0,0,0,0,0,0,0,0; 0.0",
            "5,5,5,5,5,5,5,5,5,5; 100.0",
            "3,3,2,3,2,3,2,2,2,2; 48.0",
            "2,2,1,2,1,2,1,2,1,1; 30.0",
            // One unanswered section: sum / (5 × 9) × 100, rounded to one decimal.
            "3,3,2,3,2,3,2,2,2,-; 48.9",
            "-,1,1,1,1,1,1,1,1,1; 20.0",
            "1,0,0,0,0,0,0,0,0,0; 2.0"})
    void scoresTheSectionsServerSide(String sections, double expected) {
        assertThat(OdiScore.percentOf(sections(sections))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(delimiter = ';', value = {
            "3,3,2,3,2,3,2,2,-,-",
            "3,3,2,3,2,3,2,2,2",
            "3,3,2,3,2,3,2,2,2,2,2",
            "6,3,2,3,2,3,2,2,2,2",
            "-1,3,2,3,2,3,2,2,2,2"})
    void refusesWhatIsNotAnOdiQuestionnaire(String sections) {
        assertThatThrownBy(() -> OdiScore.percentOf(sections(sections))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} % is {1}")
    @CsvSource({"0,MINIMAL", "20,MINIMAL", "20.5,MODERATE", "40,MODERATE", "48,SEVERE", "60,SEVERE", "61,CRIPPLING", "80,CRIPPLING",
            "81,BED_BOUND", "100,BED_BOUND"})
    void bandsTheScoreAsTheDomainDoes(double percent, String band) {
        assertThat(OdiScore.band(percent)).isEqualTo(band);
    }

    static List<Integer> sections(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).map(s -> s.equals("-") ? null : Integer.valueOf(s)).toList();
    }
}
