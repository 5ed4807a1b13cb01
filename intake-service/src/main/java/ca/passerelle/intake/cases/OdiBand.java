package ca.passerelle.intake.cases;

import ca.passerelle.platform.web.InvalidInputException;

/** The disability bands of the Oswestry Disability Index, by percent. */
public enum OdiBand {
    MINIMAL("minimal", 20),
    MODERATE("moderate", 40),
    SEVERE("severe", 60),
    CRIPPLING("crippling", 80),
    BED_BOUND("bed-bound", 100);

    private final String code;
    private final double upperBound;

    OdiBand(String code, double upperBound) {
        this.code = code;
        this.upperBound = upperBound;
    }

    public String code() {
        return code;
    }

    /** The band of a percent from 0 to 100: 0–20 minimal, 21–40 moderate, 41–60 severe, 61–80 crippling, 81–100 bed-bound. */
    public static OdiBand of(double percent) {
        if (percent < 0 || percent > 100) {
            throw new InvalidInputException("ODI percent must be between 0 and 100");
        }
        for (OdiBand band : values()) {
            if (percent <= band.upperBound) {
                return band;
            }
        }
        return BED_BOUND;
    }
}
