package ca.passerelle.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RamqNumberTest {

    private static final LocalDate MARIE_BORN = LocalDate.of(1974, 3, 12);

    @Test
    void acceptsAValidNumberAndAgreesWithTheIdentity() {
        RamqNumber ramq = RamqNumber.parse("TREM74531214");

        assertThat(ramq.value()).isEqualTo("TREM74531214");
        assertThat(ramq.formatted()).isEqualTo("TREM 7453 1214");
        assertThat(ramq.warningsFor("Tremblay", "Marie", MARIE_BORN)).isEmpty();
    }

    @Test
    void normalisesSpacesAndLowerCase() {
        assertThat(RamqNumber.parse(" trem 7453\t1214 ").value()).isEqualTo("TREM74531214");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRE 7453 1214", "TREM 7453 12145", "1REM 7453 1214", "TREM 74A3 1214", "TREM 7453 12I4",
            "TREM 7453 12O4", "TREM 7453 1201", "TREM-7453-1214"})
    void rejectsWhatBreaksThePattern(String raw) {
        assertThatThrownBy(() -> RamqNumber.parse(raw)).isInstanceOf(InvalidRamqNumberException.class)
                .hasMessageContaining("4 letters, 6 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TREM 7400 1214", "TREM 7413 1214", "TREM 7450 1214", "TREM 7463 1214", "TREM 7499 1214"})
    void rejectsAnImpossibleMonth(String raw) {
        assertThatThrownBy(() -> RamqNumber.parse(raw)).isInstanceOf(InvalidRamqNumberException.class)
                .hasMessageContaining("impossible birth month");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TREM 7453 0014", "TREM 7453 3214", "TREM 7454 3114", "TREM 7352 2914", "TREM 7302 3014"})
    void rejectsAnImpossibleDay(String raw) {
        assertThatThrownBy(() -> RamqNumber.parse(raw)).isInstanceOf(InvalidRamqNumberException.class)
                .hasMessageContaining("impossible birth day");
    }

    @Test
    void acceptsFebruaryTwentyNinthOfALeapYear() {
        assertThat(RamqNumber.parse("TREM 0052 2914").warningsFor("Tremblay", "Marie", LocalDate.of(2000, 2, 29))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TREM 7453 12A4", "TREM 7453 12Z4", "TREM 7453 1294"})
    void acceptsAnAdministrativeLetterOrDigit(String raw) {
        assertThat(RamqNumber.parse(raw).warningsFor("Tremblay", "Marie", MARIE_BORN)).isEmpty();
    }

    @Test
    void doesNotHoldTheSexEncodedInTheMonthAgainstThePatient() {
        assertThat(RamqNumber.parse("TREM 7403 1214").warningsFor("Tremblay", "Marie", MARIE_BORN)).isEmpty();
    }

    @Test
    void warnsWhenTheEncodedBirthDateDisagrees() {
        assertThat(RamqNumber.parse("TREM 7453 1314").warningsFor("Tremblay", "Marie", MARIE_BORN))
                .containsExactly(RamqWarning.BIRTH_DATE_MISMATCH);
        assertThat(RamqNumber.parse("TREM 7553 1214").warningsFor("Tremblay", "Marie", MARIE_BORN))
                .containsExactly(RamqWarning.BIRTH_DATE_MISMATCH);
        assertThat(RamqNumber.parse("TREM 7454 1214").warningsFor("Tremblay", "Marie", MARIE_BORN))
                .containsExactly(RamqWarning.BIRTH_DATE_MISMATCH);
    }

    @Test
    void warnsWhenTheFamilyNameLettersDisagree() {
        assertThat(RamqNumber.parse("GAGM 7453 1214").warningsFor("Tremblay", "Marie", MARIE_BORN))
                .containsExactly(RamqWarning.FAMILY_NAME_MISMATCH);
    }

    @Test
    void stripsAccentsAndPadsShortFamilyNamesWithX() {
        assertThat(RamqNumber.parse("COTE 7453 1214").warningsFor("Côté", "Émilie", MARIE_BORN)).isEmpty();
        assertThat(RamqNumber.parse("NGXM 7453 1214").warningsFor("Ng", "Marie", MARIE_BORN)).isEmpty();
        assertThat(RamqNumber.parse("DAMM 7453 1214").warningsFor("D'Amours", "Marie", MARIE_BORN)).isEmpty();
    }

    @Test
    void warnsWhenTheFirstNameInitialDisagrees() {
        assertThat(RamqNumber.parse("TREJ 7453 1214").warningsFor("Tremblay", "Marie", MARIE_BORN))
                .containsExactly(RamqWarning.FIRST_NAME_MISMATCH);
    }

    @Test
    void reportsEveryDisagreementAtOnce() {
        assertThat(RamqNumber.parse("GAGJ 8001 0114").warningsFor("Tremblay", "Marie", MARIE_BORN))
                .containsExactly(RamqWarning.BIRTH_DATE_MISMATCH, RamqWarning.FAMILY_NAME_MISMATCH, RamqWarning.FIRST_NAME_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TREM 7413 1214", "TREM 7453 3214", "TREM 7499 9914", "TREM-7453-1214"})
    void neverRepeatsAnyPartOfTheNumberInItsReason(String raw) {
        assertThatThrownBy(() -> RamqNumber.parse(raw)).isInstanceOf(InvalidRamqNumberException.class)
                .message().doesNotContain("TREM", raw.substring(5, 9), raw.substring(7, 9), raw.substring(10, 14));
    }

    @Test
    void neverPrintsTheNumber() {
        assertThat(RamqNumber.parse("TREM 7453 1214").toString()).doesNotContain("TREM").doesNotContain("7453");
    }
}
