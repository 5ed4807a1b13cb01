package ca.passerelle.intake.cases;

import java.util.List;
import java.util.Objects;

import ca.passerelle.platform.web.InvalidInputException;

/**
 * An Oswestry Disability Index scored from its ten section scores (0–5 each, at most one unanswered):
 * percent = sum / (5 × answered sections) × 100, to one decimal. Only the scores are stored, never the licensed item text.
 */
public record OdiScore(double percent, OdiBand band) {

    public static final int SECTIONS = 10;
    public static final int MAX_SECTION_SCORE = 5;

    public static OdiScore of(List<Integer> sectionScores) {
        if (sectionScores == null || sectionScores.size() != SECTIONS) {
            throw new InvalidInputException("the ODI has exactly " + SECTIONS + " section scores");
        }
        List<Integer> answered = sectionScores.stream().filter(Objects::nonNull).toList();
        if (answered.size() < SECTIONS - 1) {
            throw new InvalidInputException("at most one ODI section may be unanswered");
        }
        int sum = 0;
        for (int score : answered) {
            if (score < 0 || score > MAX_SECTION_SCORE) {
                throw new InvalidInputException("each ODI section score is between 0 and " + MAX_SECTION_SCORE);
            }
            sum += score;
        }
        double percent = Math.round(sum * 1000.0 / (MAX_SECTION_SCORE * answered.size())) / 10.0;
        return new OdiScore(percent, OdiBand.of(percent));
    }
}
