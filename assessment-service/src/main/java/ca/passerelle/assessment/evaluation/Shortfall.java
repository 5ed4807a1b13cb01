package ca.passerelle.assessment.evaluation;

/**
 * One rule of the conservative-care policy that documented care does not meet yet.
 *
 * @param rule a stable code: {@code supervised-care}, {@code duration}, {@code physiotherapy}, {@code modalities},
 *        {@code sessions} or {@code relieved}
 * @param explanation one plain sentence, with the numbers, never a patient's data beyond scores
 */
public record Shortfall(String rule, String explanation) {

    public static final String SUPERVISED_CARE = "supervised-care";
    public static final String DURATION = "duration";
    public static final String PHYSIOTHERAPY = "physiotherapy";
    public static final String MODALITIES = "modalities";
    public static final String SESSIONS = "sessions";
    public static final String RELIEVED = "relieved";
}
