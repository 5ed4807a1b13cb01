package ca.passerelle.rehab.plan;

import java.util.List;
import java.util.Objects;

import ca.passerelle.platform.web.InvalidInputException;

/**
 * The Oswestry Disability Index scored server-side from the ten section scores (DOMAIN.md): each answered section scores
 * 0–5, at most one section may be left unanswered (null), ODI % = sum / (5 × answered sections) × 100. The questionnaire's
 * wording is licensed: only the section scores are stored, never the item text.
 */
public final class OdiScore {

    public static final int SECTIONS = 10;
    public static final int MAX_SECTION_SCORE = 5;

    private OdiScore() {
    }

    /** ODI in percent, rounded to one decimal; refuses a wrong number of sections, a score out of range or two unanswered. */
    public static double percentOf(List<Integer> sectionScores) {
        if (sectionScores == null || sectionScores.size() != SECTIONS) {
            throw new InvalidInputException("ODI needs exactly " + SECTIONS + " section scores");
        }
        long unanswered = sectionScores.stream().filter(Objects::isNull).count();
        if (unanswered > 1) {
            throw new InvalidInputException("ODI allows at most one unanswered section, " + unanswered + " were");
        }
        int sum = 0;
        for (Integer score : sectionScores) {
            if (score == null) {
                continue;
            }
            if (score < 0 || score > MAX_SECTION_SCORE) {
                throw new InvalidInputException("ODI section scores are 0 to " + MAX_SECTION_SCORE);
            }
            sum += score;
        }
        long answered = SECTIONS - unanswered;
        double percent = sum * 100.0 / (MAX_SECTION_SCORE * answered);
        return Math.round(percent * 10) / 10.0;
    }

    /** The band of an ODI percentage (DOMAIN.md): 0–20 minimal, 21–40 moderate, 41–60 severe, 61–80 crippling, 81–100 bed-bound. */
    public static String band(double percent) {
        if (percent <= 20) {
            return "MINIMAL";
        }
        if (percent <= 40) {
            return "MODERATE";
        }
        if (percent <= 60) {
            return "SEVERE";
        }
        if (percent <= 80) {
            return "CRIPPLING";
        }
        return "BED_BOUND";
    }
}
