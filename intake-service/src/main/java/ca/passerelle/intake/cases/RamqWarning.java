package ca.passerelle.intake.cases;

/** What a valid RAMQ number may disagree with without being refused: names change, registers hold errors. */
public enum RamqWarning {
    /** The encoded YYMMDD (MM, or MM + 50 for women) is not the date of birth given. */
    BIRTH_DATE_MISMATCH("birth-date-mismatch"),
    /** Letters 1–3 are not the first three letters of the family name at birth. */
    FAMILY_NAME_MISMATCH("family-name-mismatch"),
    /** Letter 4 is not the initial of the first name. */
    FIRST_NAME_MISMATCH("first-name-mismatch"),
    /**
     * Position 12 is not the check digit the other characters give under the weighting known from issued cards (RAMQ
     * does not publish it, hence a warning). Only checked when position 11 is a digit.
     */
    CHECK_DIGIT_MISMATCH("check-digit-mismatch");

    private final String code;

    RamqWarning(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
