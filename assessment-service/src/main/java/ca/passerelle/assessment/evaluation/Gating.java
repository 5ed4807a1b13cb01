package ca.passerelle.assessment.evaluation;

import java.util.List;

/**
 * The conditions of {@code SurgeryRecommended}, each either holding or missing, so the dashboard can show what blocks a
 * case. Holding: {@code no-red-flag}, {@code care-coordination-consent}, {@code conservative-care-verified},
 * {@code evaluation-recommends-surgery}, {@code cross-border-consent}, {@code case-open}. Missing: {@code red-flag-reported},
 * {@code care-coordination-consent-withdrawn}, {@code conservative-care-not-verified}, {@code evaluation-missing} or
 * {@code evaluation-declined}, {@code cross-border-consent-missing}, {@code case-closed}.
 */
public record Gating(List<String> holds, List<String> missing) {

    public static final String NO_RED_FLAG = "no-red-flag";
    public static final String RED_FLAG_REPORTED = "red-flag-reported";
    public static final String CARE_COORDINATION_CONSENT = "care-coordination-consent";
    public static final String CARE_COORDINATION_CONSENT_WITHDRAWN = "care-coordination-consent-withdrawn";
    public static final String CARE_VERIFIED = "conservative-care-verified";
    public static final String CARE_NOT_VERIFIED = "conservative-care-not-verified";
    public static final String EVALUATION_RECOMMENDS_SURGERY = "evaluation-recommends-surgery";
    public static final String EVALUATION_MISSING = "evaluation-missing";
    public static final String EVALUATION_DECLINED = "evaluation-declined";
    public static final String CROSS_BORDER_CONSENT = "cross-border-consent";
    public static final String CROSS_BORDER_CONSENT_MISSING = "cross-border-consent-missing";
    public static final String CASE_OPEN = "case-open";
    public static final String CASE_CLOSED = "case-closed";

    public Gating {
        holds = List.copyOf(holds);
        missing = List.copyOf(missing);
    }

    /** Every condition holds: surgery may be recommended. */
    public boolean open() {
        return missing.isEmpty();
    }
}
