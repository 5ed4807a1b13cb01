package ca.passerelle.intake.cases;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Québec health-insurance number (NAM), normalised: {@code AAAA YYMM DDxc} without spaces, upper case. Letters 1–3 come
 * from the family name at birth, letter 4 from the first name, then YY, MM (+ 50 for women), DD, an administrative
 * character (a digit or a letter other than I and O) and a check digit. RAMQ does not publish the check-digit algorithm:
 * the weighting known from issued cards is applied, and a mismatch is a warning, never a refusal. The sex encoded in the
 * month is never held against the patient (the X marker exists).
 */
public final class RamqNumber {

    private static final Pattern PATTERN = Pattern.compile("^[A-Z]{4}[0-9]{6}[A-HJ-NP-Z1-9][0-9]$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^A-Z]");
    private static final int FEMALE_MONTH_OFFSET = 50;
    /**
     * Weights of the 17 digits the check digit is computed from: each of the four letters as its two-digit rank (A = 01 …
     * R = 18, then S = 20 … Z = 27: rank 19 is skipped), the century of birth, YYMMDD as encoded (MM + 50 for women) and
     * the administrative digit; the check digit is the weighted sum modulo 10.
     */
    private static final int[] CHECK_WEIGHTS = {7, 1, 1, 3, 9, 7, 3, 9, 5, 3, 1, 3, 5, 7, 6, 9, 1};

    private final String value;

    private RamqNumber(String value) {
        this.value = value;
    }

    /**
     * Normalises and checks a RAMQ number as typed; throws {@link InvalidRamqNumberException} saying why it is refused. The
     * reason never repeats any part of the number: it goes back to the client and may reach a log.
     */
    public static RamqNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidRamqNumberException("the RAMQ number is required");
        }
        String normalised = WHITESPACE.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
        if (!PATTERN.matcher(normalised).matches()) {
            throw new InvalidRamqNumberException(
                    "a RAMQ number is 4 letters, 6 digits, an administrative character (digit or letter, no I or O) and a digit, e.g. ABCD 1234 5678");
        }
        int yy = Integer.parseInt(normalised.substring(4, 6));
        int mm = Integer.parseInt(normalised.substring(6, 8));
        int dd = Integer.parseInt(normalised.substring(8, 10));
        boolean plainMonth = mm >= 1 && mm <= 12;
        boolean womanMonth = mm >= 1 + FEMALE_MONTH_OFFSET && mm <= 12 + FEMALE_MONTH_OFFSET;
        if (!plainMonth && !womanMonth) {
            throw new InvalidRamqNumberException("the RAMQ number encodes an impossible birth month (01-12, or 51-62 for women)");
        }
        int month = womanMonth ? mm - FEMALE_MONTH_OFFSET : mm;
        if (dd < 1 || dd > maxDay(month, yy)) {
            throw new InvalidRamqNumberException("the RAMQ number encodes an impossible birth day for its month");
        }
        return new RamqNumber(normalised);
    }

    /** February 29 is possible when YY is a leap year in either century (2000 was one). */
    private static int maxDay(int month, int yy) {
        return switch (month) {
            case 2 -> yy % 4 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** What disagrees with the identity given, in a stable order; empty when everything agrees. */
    public List<RamqWarning> warningsFor(String familyNameAtBirth, String firstName, LocalDate dateOfBirth) {
        List<RamqWarning> warnings = new ArrayList<>();
        if (!encodesBirthDate(dateOfBirth)) {
            warnings.add(RamqWarning.BIRTH_DATE_MISMATCH);
        }
        if (!value.substring(0, 3).equals(padded(letters(familyNameAtBirth), 3))) {
            warnings.add(RamqWarning.FAMILY_NAME_MISMATCH);
        }
        if (!value.substring(3, 4).equals(padded(letters(firstName), 1))) {
            warnings.add(RamqWarning.FIRST_NAME_MISMATCH);
        }
        if (!checkDigitAgrees(dateOfBirth)) {
            warnings.add(RamqWarning.CHECK_DIGIT_MISMATCH);
        }
        return List.copyOf(warnings);
    }

    /**
     * Whether position 12 is the check digit of the rest. The century is the one of the date of birth when its year ends
     * in YY, else either 19 or 20 may agree. A letter in position 11 is outside the known weighting: not checked.
     */
    private boolean checkDigitAgrees(LocalDate dateOfBirth) {
        char administrative = value.charAt(10);
        if (!Character.isDigit(administrative)) {
            return true;
        }
        int given = value.charAt(11) - '0';
        int yy = Integer.parseInt(value.substring(4, 6));
        if (dateOfBirth != null && dateOfBirth.getYear() % 100 == yy) {
            return checkDigit(dateOfBirth.getYear() / 100) == given;
        }
        return checkDigit(19) == given || checkDigit(20) == given;
    }

    /** The check digit of this number for a birth in the given century (19 for 19YY). */
    int checkDigit(int century) {
        int[] digits = new int[CHECK_WEIGHTS.length];
        int next = 0;
        for (int i = 0; i < 4; i++) {
            int rank = value.charAt(i) - 'A' + 1;
            if (rank > 18) {
                rank++;
            }
            digits[next++] = rank / 10;
            digits[next++] = rank % 10;
        }
        digits[next++] = century / 10 % 10;
        digits[next++] = century % 10;
        for (int i = 4; i < 11; i++) {
            digits[next++] = value.charAt(i) - '0';
        }
        int sum = 0;
        for (int i = 0; i < digits.length; i++) {
            sum += digits[i] * CHECK_WEIGHTS[i];
        }
        return sum % 10;
    }

    private boolean encodesBirthDate(LocalDate dateOfBirth) {
        if (dateOfBirth == null) {
            return false;
        }
        int yy = Integer.parseInt(value.substring(4, 6));
        int mm = Integer.parseInt(value.substring(6, 8));
        int dd = Integer.parseInt(value.substring(8, 10));
        int month = mm > FEMALE_MONTH_OFFSET ? mm - FEMALE_MONTH_OFFSET : mm;
        return yy == dateOfBirth.getYear() % 100 && month == dateOfBirth.getMonthValue() && dd == dateOfBirth.getDayOfMonth();
    }

    private static String letters(String name) {
        if (name == null) {
            return "";
        }
        String withoutAccents = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return NOT_A_LETTER.matcher(withoutAccents.toUpperCase(Locale.ROOT)).replaceAll("");
    }

    private static String padded(String letters, int length) {
        StringBuilder result = new StringBuilder(letters.length() > length ? letters.substring(0, length) : letters);
        while (result.length() < length) {
            result.append('X');
        }
        return result.toString();
    }

    public String value() {
        return value;
    }

    /** As printed on the card: {@code ABCD 1234 5678}. */
    public String formatted() {
        return value.substring(0, 4) + " " + value.substring(4, 8) + " " + value.substring(8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RamqNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "RamqNumber[****]";
    }
}
