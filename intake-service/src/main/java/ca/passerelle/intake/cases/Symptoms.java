package ca.passerelle.intake.cases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ca.passerelle.platform.web.InvalidInputException;

/**
 * Pain and disability at intake.
 *
 * @param odiSectionScores the ten ODI section scores as reported (null entries are unanswered sections); null if not measured
 * @param odiPercent scored by intake from the section scores; null if not measured
 */
public record Symptoms(int painNrs, List<Integer> odiSectionScores, Double odiPercent, OdiBand odiBand) {

    static Symptoms score(Integer painNrs, List<Integer> odiSectionScores) {
        if (painNrs == null || painNrs < 0 || painNrs > 10) {
            throw new InvalidInputException("painNrs must be between 0 and 10");
        }
        if (odiSectionScores == null) {
            return new Symptoms(painNrs, null, null, null);
        }
        OdiScore odi = OdiScore.of(odiSectionScores);
        return new Symptoms(painNrs, Collections.unmodifiableList(new ArrayList<>(odiSectionScores)), odi.percent(), odi.band());
    }

    ca.passerelle.events.intake.Symptoms published() {
        return new ca.passerelle.events.intake.Symptoms(painNrs, odiPercent);
    }
}
