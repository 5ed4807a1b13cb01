package ca.passerelle.rehab.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ca.passerelle.events.rehab.Progress;

/** The clinically meaningful thresholds of DOMAIN.md: NRS 2 points or 30 %, ODI 10 points; worsening wins. */
class ProgressJudgementTest {

    @ParameterizedTest(name = "NRS {0}→{2}, ODI {1}→{3}: {4}")
    @CsvSource(nullValues = "null", value = {
            // NRS alone (ODI within 10 points or not measured)
            "7, 48,   5, 48,   IMPROVING",   // -2 points
            "7, 48,   6, 48,   PLATEAU",     // -1 point, 14 %
            "7, 48,   7, 48,   PLATEAU",
            "7, 48,   8, 48,   PLATEAU",     // +1 point, 14 %
            "7, 48,   9, 48,   WORSENING",   // +2 points
            "3, 20,   2, 20,   IMPROVING",   // -1 point but 33 % of a low baseline
            "4, 20,   3, 20,   PLATEAU",     // -1 point, 25 %
            "3, 20,   4, 20,   WORSENING",   // +1 point, 33 %
            "0, 10,   1, 10,   PLATEAU",     // from no pain, one point is neither 2 points nor a percentage
            "0, 10,   2, 10,   WORSENING",
            // ODI alone (NRS unchanged)
            "7, 48,   7, 38,   IMPROVING",   // -10 points
            "7, 48,   7, 39,   PLATEAU",     // -9 points
            "7, 48,   7, 57.9, PLATEAU",     // +9.9 points
            "7, 48,   7, 58,   WORSENING",   // +10 points
            // Both: worsening on either scale wins
            "7, 48,   4, 60,   WORSENING",
            "7, 48,   9, 20,   WORSENING",
            "7, 48,   4, 30,   IMPROVING",
            // ODI not measured before surgery: NRS alone decides
            "7, null, 7, 80,   PLATEAU",
            "7, null, 5, 80,   IMPROVING"})
    void judgesProgressAgainstTheBaseline(int baselineNrs, Double baselineOdi, int nrs, Double odi, Progress expected) {
        ProgressJudgement judgement = ProgressJudgement.of(new Baseline(baselineNrs, baselineOdi), nrs, odi);

        assertThat(judgement.progress()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void statesTheFiguresBehindTheJudgementWithoutAnythingElse() {
        ProgressJudgement judgement = ProgressJudgement.of(new Baseline(7, 48.0), 7, 46.0);

        assertThat(judgement.figures()).isEqualTo("NRS 7 (baseline 7) and ODI 46 % (baseline 48 %)");
    }
}
