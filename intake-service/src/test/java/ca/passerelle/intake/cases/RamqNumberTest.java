package ca.passerelle.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RamqNumberTest {

    private static final LocalDate MARIE_BORN = LocalDate.of(1974, 3, 12);

    @Test
    void acceptsAValidNumberAndAgreesWithTheIdentity() {
        RamqNumber ramq = RamqNumber.parse("TREM74531217");

        assertThat(ramq.value()).isEqualTo("TREM74531217");
        assertThat(ramq.formatted()).isEqualTo("TREM 7453 1217");
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
        assertThat(RamqNumber.parse("TREM 0052 2918").warningsFor("Tremblay", "Marie", LocalDate.of(2000, 2, 29))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TREM 7453 12A4", "TREM 7453 12Z4", "TREM 7453 1295"})
    void acceptsAnAdministrativeLetterOrDigit(String raw) {
        assertThat(RamqNumber.parse(raw).warningsFor("Tremblay", "Marie", MARIE_BORN)).isEmpty();
    }

    @Test
    void doesNotHoldTheSexEncodedInTheMonthAgainstThePatient() {
        assertThat(RamqNumber.parse("TREM 7403 1212").warningsFor("Tremblay", "Marie", MARIE_BORN)).isEmpty();
    }

    @Test
    void warnsWhenTheEncodedBirthDateDisagrees() {
        assertThat(RamqNumber.parse("TREM 7453 1316").warningsFor("Tremblay", "Marie", MARIE_BORN))
                .containsExactly(RamqWarning.BIRTH_DATE_MISMATCH);
        assertThat(RamqNumber.parse("TREM 7553 1210").warningsFor("Tremblay", "Marie", MARIE_BORN))
                .containsExactly(RamqWarning.BIRTH_DATE_MISMATCH);
        assertThat(RamqNumber.parse("TREM 7454 1214").warningsFor("Tremblay", "Marie", MARIE_BORN))
                .containsExactly(RamqWarning.BIRTH_DATE_MISMATCH);
    }

    @Test
    void warnsWhenTheFamilyNameLettersDisagree() {
        assertThat(RamqNumber.parse("GAGM 7453 1211").warningsFor("Tremblay", "Marie", MARIE_BORN))
                .containsExactly(RamqWarning.FAMILY_NAME_MISMATCH);
    }

    @Test
    void stripsAccentsAndPadsShortFamilyNamesWithX() {
        assertThat(RamqNumber.parse("COTE 7453 1211").warningsFor("Côté", "Émilie", MARIE_BORN)).isEmpty();
        assertThat(RamqNumber.parse("NGXM 7453 1217").warningsFor("Ng", "Marie", MARIE_BORN)).isEmpty();
        assertThat(RamqNumber.parse("DAMM 7453 1219").warningsFor("D'Amours", "Marie", MARIE_BORN)).isEmpty();
    }

    @Test
    void warnsWhenTheFirstNameInitialDisagrees() {
        assertThat(RamqNumber.parse("TREJ 7453 1210").warningsFor("Tremblay", "Marie", MARIE_BORN))
                .containsExactly(RamqWarning.FIRST_NAME_MISMATCH);
    }

    @Test
    void reportsEveryDisagreementAtOnce() {
        assertThat(RamqNumber.parse("GAGJ 8001 0119").warningsFor("Tremblay", "Marie", MARIE_BORN))
                .containsExactly(RamqWarning.BIRTH_DATE_MISMATCH, RamqWarning.FAMILY_NAME_MISMATCH, RamqWarning.FIRST_NAME_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TREM 7413 1214", "TREM 7453 3214", "TREM 7499 9914", "TREM-7453-1214"})
    void neverRepeatsAnyPartOfTheNumberInItsReason(String raw) {
        assertThatThrownBy(() -> RamqNumber.parse(raw)).isInstanceOf(InvalidRamqNumberException.class)
                .message().doesNotContain("TREM", raw.substring(5, 9), raw.substring(7, 9), raw.substring(10, 14));
    }

    @Test
    void warnsWhenTheCheckDigitDisagrees() {
        assertThat(RamqNumber.parse("TREM 7453 1214").warningsFor("Tremblay", "Marie", MARIE_BORN))
                .containsExactly(RamqWarning.CHECK_DIGIT_MISMATCH);
        assertThat(RamqNumber.parse("GAGJ 8001 0114").warningsFor("Tremblay", "Marie", MARIE_BORN)).containsExactly(
                RamqWarning.BIRTH_DATE_MISMATCH, RamqWarning.FAMILY_NAME_MISMATCH, RamqWarning.FIRST_NAME_MISMATCH,
                RamqWarning.CHECK_DIGIT_MISMATCH);
    }

    /** The weighting, on numbers whose check digit is known: 19YY and 20YY births, male and female months, letters past R. */
    @ParameterizedTest
    @CsvSource({"AAAA01010112, 19, 2", "AAAA01010110, 20, 0", "AAAA01510117, 19, 7", "LASF80021411, 19, 1",
            "ZAAA01010112, 19, 2", "AAAZ01010112, 19, 2", "ABAA01010115, 19, 5", "AABA01010119, 19, 9", "AAAA99010115, 19, 5"})
    void computesTheCheckDigitForTheCenturyOfBirth(String number, int century, int checkDigit) {
        assertThat(RamqNumber.parse(number).checkDigit(century)).isEqualTo(checkDigit);
    }

    /**
     * The acceptance table (DOMAIN.md): what is accepted, normalised, with which warnings, for Marie Tremblay born on the date
     * given; a warning never refuses the number.
     */
    @ParameterizedTest(name = "{0} born {1} -> {2} [{3}]")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            trem 7453 1217    | 1974-03-12 | TREM74531217 | -
            ' TREM74531217 '  | 1974-03-12 | TREM74531217 | -
            Trem 7453\t1217  | 1974-03-12 | TREM74531217 | -
            TREM 7453 12A4    | 1974-03-12 | TREM745312A4 | -
            trem 7453 12z0    | 1974-03-12 | TREM745312Z0 | -
            TREM 7451 1213    | 1974-01-12 | TREM74511213 | -
            TREM 7462 1215    | 1974-12-12 | TREM74621215 | -
            TREM 7401 1218    | 1974-01-12 | TREM74011218 | -
            TREM 7412 1210    | 1974-12-12 | TREM74121210 | -
            TREM 7453 1316    | 1974-03-12 | TREM74531316 | birth-date-mismatch
            GAGM 7453 1211    | 1974-03-12 | GAGM74531211 | family-name-mismatch
            TREJ 7453 1210    | 1974-03-12 | TREJ74531210 | first-name-mismatch
            TREM 7453 1214    | 1974-03-12 | TREM74531214 | check-digit-mismatch
            gagj 8001 0114    | 1974-03-12 | GAGJ80010114 | birth-date-mismatch family-name-mismatch first-name-mismatch check-digit-mismatch
            """)
    void acceptsWithWarnings(String raw, LocalDate born, String normalised, String warnings) {
        RamqNumber ramq = RamqNumber.parse(raw);

        assertThat(ramq.value()).isEqualTo(normalised);
        assertThat(ramq.warningsFor("Tremblay", "Marie", born)).extracting(RamqWarning::code)
                .containsExactly(warnings == null ? new String[0] : warnings.split(" "));
    }

    /** The acceptance table of refusals: impossible month (13, 63, 00, 50) or day (32, 30 February), 11 or 13 characters, I/O/0 in position 11. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            TREM 7413 1217   | impossible birth month
            TREM 7463 1217   | impossible birth month
            TREM 7400 1217   | impossible birth month
            TREM 7450 1217   | impossible birth month
            TREM 7453 3217   | impossible birth day
            TREM 7402 3017   | impossible birth day
            TREM 7453 121    | 4 letters, 6 digits
            TRE 7453 1217    | 4 letters, 6 digits
            TREM 7453 12170  | 4 letters, 6 digits
            TREMB 7453 1217  | 4 letters, 6 digits
            TREM 7453 12I7   | 4 letters, 6 digits
            TREM 7453 12O7   | 4 letters, 6 digits
            TREM 7453 1207   | 4 letters, 6 digits
            """)
    void refuses(String raw, String reason) {
        assertThat(raw.replace(" ", "")).hasSizeBetween(11, 13);
        assertThatThrownBy(() -> RamqNumber.parse(raw)).isInstanceOf(InvalidRamqNumberException.class).hasMessageContaining(reason);
    }

    @Test
    void neverPrintsTheNumber() {
        assertThat(RamqNumber.parse("TREM 7453 1214").toString()).doesNotContain("TREM").doesNotContain("7453");
    }
}
