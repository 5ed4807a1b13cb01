package ca.passerelle.events.intake;

import ca.passerelle.events.Contract;

/**
 * Pain and disability scores.
 *
 * @param painNrs numeric rating scale, 0–10
 * @param odiPercent Oswestry Disability Index in percent (0–100), scored by intake-service from the section scores; null when not measured
 */
public record Symptoms(Integer painNrs, Double odiPercent) {

    public Symptoms {
        Contract.require(painNrs, "painNrs");
        Contract.requireRange(painNrs, 0, 10, "painNrs");
        if (odiPercent != null && (odiPercent < 0 || odiPercent > 100)) {
            throw new IllegalArgumentException("odiPercent must be between 0 and 100 but was " + odiPercent);
        }
    }
}
