package ca.passerelle.assessment.evaluation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import ca.passerelle.events.assessment.SurgicalCategory;

/**
 * Suggests a surgical category from the recorded findings (imaging reports, prior procedures, diagnosis code), in French
 * or English, with the reasons. A pure function: it only suggests, the specialist decides.
 * <ul>
 * <li>instability, spondylolisthesis, hardware failure or pseudarthrosis point to {@code FUSION};</li>
 * <li>otherwise disc herniation, stenosis, nerve compression or epidural fibrosis point to {@code SIMPLE_DECOMPRESSION};</li>
 * <li>otherwise a patient younger than {@value #YOUNG_PATIENT_UNDER_YEARS} with degenerative disc disease and no
 * instability points to {@code MOTION_PRESERVATION};</li>
 * <li>otherwise no suggestion.</li>
 * </ul>
 */
public final class DecisionSupport {

    /** Dynamic implants are meant for younger spines; above this age degeneration usually calls for stability. */
    public static final int YOUNG_PATIENT_UNDER_YEARS = 50;

    private record Finding(String label, Pattern pattern) {

        static Finding of(String label, String... stems) {
            return new Finding(label, Pattern.compile("\\b(" + String.join("|", stems) + ")"));
        }
    }

    private static final List<Finding> FUSION = List.of(
            Finding.of("instability", "instabilit", "unstable", "instable"),
            Finding.of("spondylolisthesis", "spondylolisth"),
            Finding.of("hardware failure", "hardware", "materiel", "descellement", "implant failure", "screw loosening", "broken rod",
                    "rupture de tige"),
            Finding.of("pseudarthrosis", "pseudarthros", "pseudoarthros", "non-union", "nonunion"));

    private static final List<Finding> DECOMPRESSION = List.of(
            Finding.of("disc herniation", "hernie", "herniat", "hernia"),
            Finding.of("stenosis", "stenos"),
            Finding.of("nerve compression", "compression"),
            Finding.of("epidural fibrosis", "fibros"));

    private static final List<Finding> DEGENERATIVE_DISC = List.of(
            Finding.of("degenerative disc disease", "degener", "discopathi", "discarthros"));

    /** ICD-10 codes that name a finding on their own. */
    private static final Map<String, String> CODES = Map.of(
            "M43.1", "spondylolisthesis",
            "M96.0", "pseudarthrosis",
            "M48.0", "stenosis",
            "M51.1", "disc herniation",
            "M51.3", "degenerative disc disease");

    private DecisionSupport() {
    }

    public static Suggestion suggest(ClinicalPicture picture) {
        List<Source> sources = sources(picture);
        List<String> fusion = reasons(sources, FUSION, picture.diagnosisCode());
        if (!fusion.isEmpty()) {
            return new Suggestion(SurgicalCategory.FUSION, fusion);
        }
        List<String> decompression = reasons(sources, DECOMPRESSION, picture.diagnosisCode());
        if (!decompression.isEmpty()) {
            return new Suggestion(SurgicalCategory.SIMPLE_DECOMPRESSION, decompression);
        }
        List<String> degenerative = reasons(sources, DEGENERATIVE_DISC, picture.diagnosisCode());
        if (!degenerative.isEmpty() && picture.ageYears() < YOUNG_PATIENT_UNDER_YEARS) {
            List<String> reasons = new ArrayList<>(degenerative);
            reasons.add("the patient is " + picture.ageYears() + ", younger than " + YOUNG_PATIENT_UNDER_YEARS
                    + ", and no finding mentions instability");
            return new Suggestion(SurgicalCategory.MOTION_PRESERVATION, reasons);
        }
        return new Suggestion(null, List.of("no recorded finding points to a surgical category; the specialist decides from the full file"));
    }

    private record Source(String description, String text, String normalized) {
    }

    private static List<Source> sources(ClinicalPicture picture) {
        List<Source> sources = new ArrayList<>();
        for (ImagingFinding imaging : picture.imaging()) {
            if (imaging.findingsSummary() != null) {
                sources.add(new Source("imaging " + imaging.modality() + " of " + imaging.performedOn(), imaging.findingsSummary(),
                        normalize(imaging.findingsSummary())));
            }
        }
        for (PriorProcedure surgery : picture.priorSurgeries()) {
            sources.add(new Source("prior surgery of " + surgery.performedOn(), surgery.procedure(), normalize(surgery.procedure())));
        }
        return sources;
    }

    private static List<String> reasons(List<Source> sources, List<Finding> findings, String diagnosisCode) {
        List<String> reasons = new ArrayList<>();
        for (Finding finding : findings) {
            if (diagnosisCode != null && finding.label().equals(CODES.get(diagnosisCode.trim().toUpperCase(Locale.ROOT)))) {
                reasons.add("diagnosis " + diagnosisCode + " names " + finding.label());
            }
            for (Source source : sources) {
                if (finding.pattern().matcher(source.normalized()).find()) {
                    reasons.add(source.description() + " mentions " + finding.label() + " (\"" + source.text() + "\")");
                }
            }
        }
        return reasons;
    }

    /** Lower case without accents, so "Sténose" and "stenosis" meet. */
    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
