package ca.passerelle.rehab.plan;

import ca.passerelle.events.rehab.Progress;

/**
 * Progress of one report against the pre-operative baseline, with the clinically meaningful thresholds of DOMAIN.md:
 * pain (NRS) changes meaningfully by 2 points or 30 % of the baseline, disability (ODI) by 10 points. Worsening wins over
 * improvement (a patient better on one scale and meaningfully worse on the other needs a coordinator); a change under
 * both thresholds is a plateau.
 */
public record ProgressJudgement(Progress progress, int painNrs, Double odiPercent, Baseline baseline) {

    static final int NRS_POINTS = 2;
    static final int NRS_PERCENT = 30;
    static final double ODI_POINTS = 10.0;

    public static ProgressJudgement of(Baseline baseline, int painNrs, Double odiPercent) {
        int painChange = painNrs - baseline.painNrs();
        boolean painBetter = meaningfulPainChange(-painChange, baseline.painNrs());
        boolean painWorse = meaningfulPainChange(painChange, baseline.painNrs());
        boolean odiBetter = false;
        boolean odiWorse = false;
        if (odiPercent != null && baseline.odiPercent() != null) {
            double odiChange = odiPercent - baseline.odiPercent();
            odiBetter = -odiChange >= ODI_POINTS;
            odiWorse = odiChange >= ODI_POINTS;
        }
        Progress progress = painWorse || odiWorse ? Progress.WORSENING
                : painBetter || odiBetter ? Progress.IMPROVING : Progress.PLATEAU;
        return new ProgressJudgement(progress, painNrs, odiPercent, baseline);
    }

    /** A change (positive = in the direction tested) of at least 2 points, or of at least 30 % of a non-zero baseline. */
    private static boolean meaningfulPainChange(int change, int baseline) {
        return change > 0 && (change >= NRS_POINTS || (baseline > 0 && change * 100 >= NRS_PERCENT * baseline));
    }

    /** The figures behind the judgement, for an alert's reason: {@code NRS 8 (baseline 7) and ODI 60 % (baseline 48 %)}. */
    public String figures() {
        StringBuilder text = new StringBuilder("NRS ").append(painNrs).append(" (baseline ").append(baseline.painNrs()).append(')');
        if (odiPercent != null) {
            text.append(" and ODI ").append(percent(odiPercent));
            if (baseline.odiPercent() != null) {
                text.append(" (baseline ").append(percent(baseline.odiPercent())).append(')');
            }
        }
        return text.toString();
    }

    private static String percent(double value) {
        return Math.round(value) + " %";
    }
}
