package ca.passerelle.assessment.evaluation;

import static ca.passerelle.events.intake.RadiologicalFinding.ADJACENT_SEGMENT_DEGENERATION;
import static ca.passerelle.events.intake.RadiologicalFinding.ARACHNOIDITIS;
import static ca.passerelle.events.intake.RadiologicalFinding.CENTRAL_STENOSIS;
import static ca.passerelle.events.intake.RadiologicalFinding.DISC_DEGENERATION;
import static ca.passerelle.events.intake.RadiologicalFinding.DISC_HERNIATION;
import static ca.passerelle.events.intake.RadiologicalFinding.EPIDURAL_FIBROSIS;
import static ca.passerelle.events.intake.RadiologicalFinding.FORAMINAL_STENOSIS;
import static ca.passerelle.events.intake.RadiologicalFinding.HARDWARE_FAILURE;
import static ca.passerelle.events.intake.RadiologicalFinding.INSTABILITY;
import static ca.passerelle.events.intake.RadiologicalFinding.NERVE_ROOT_COMPRESSION;
import static ca.passerelle.events.intake.RadiologicalFinding.PSEUDARTHROSIS;
import static ca.passerelle.events.intake.RadiologicalFinding.SEVERE_FACET_ARTHROSIS;
import static ca.passerelle.events.intake.RadiologicalFinding.SPONDYLOLISTHESIS;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.passerelle.events.assessment.FbssCause;
import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.intake.RadiologicalFinding;
import ca.passerelle.events.intake.SpineProcedure;

/**
 * Suggests a surgical category from the coded findings of every imaging study recorded for the case, with one reason per
 * finding (the finding, the modality, the date and the levels), and the probable FBSS causes they suggest. A pure
 * function: it only suggests, the specialist decides. The rules, first match wins:
 * <ol>
 * <li>{@code INSTABILITY}, {@code SPONDYLOLISTHESIS}, {@code PSEUDARTHROSIS} or {@code HARDWARE_FAILURE} → {@code FUSION}
 * (the segment must be stabilised, whatever else is seen);</li>
 * <li>compression — {@code DISC_HERNIATION}, {@code CENTRAL_STENOSIS}, {@code FORAMINAL_STENOSIS},
 * {@code NERVE_ROOT_COMPRESSION} — without instability → {@code SIMPLE_DECOMPRESSION};</li>
 * <li>degeneration — {@code DISC_DEGENERATION}, {@code ADJACENT_SEGMENT_DEGENERATION} — with {@code SEVERE_FACET_ARTHROSIS}
 * → {@code FUSION} (advanced degeneration of the whole segment, no motion worth keeping);</li>
 * <li>degeneration without instability nor severe facet disease, in a patient younger than
 * {@value #MOBILITY_WORTH_PRESERVING_UNDER_YEARS} (mobility worth preserving) → {@code MOTION_PRESERVATION};</li>
 * <li>otherwise no category. {@code EPIDURAL_FIBROSIS} or {@code ARACHNOIDITIS} alone are explained: scar tissue is not
 * a surgical target and re-operation may not help; next to another finding they add that caution.</li>
 * </ol>
 * Causes: {@code HARDWARE_FAILURE} → hardware failure; {@code PSEUDARTHROSIS} (the fusion did not heal) and compression at
 * the level of a prior decompression (discectomy, laminectomy, foraminotomy) → inadequate or incomplete first surgery;
 * {@code EPIDURAL_FIBROSIS} → epidural fibrosis; {@code ARACHNOIDITIS} → nerve injury or adhesions;
 * {@code ADJACENT_SEGMENT_DEGENERATION}, or disc degeneration seen after a prior surgery → progression of degenerative disease.
 */
public final class DecisionSupport {

    /** Dynamic implants are meant for younger spines; from this age degeneration usually calls for stability. */
    public static final int MOBILITY_WORTH_PRESERVING_UNDER_YEARS = 50;

    static final Set<RadiologicalFinding> INSTABILITY_FINDINGS = EnumSet.of(INSTABILITY, SPONDYLOLISTHESIS, PSEUDARTHROSIS, HARDWARE_FAILURE);
    static final Set<RadiologicalFinding> COMPRESSION_FINDINGS =
            EnumSet.of(DISC_HERNIATION, CENTRAL_STENOSIS, FORAMINAL_STENOSIS, NERVE_ROOT_COMPRESSION);
    static final Set<RadiologicalFinding> DEGENERATION_FINDINGS = EnumSet.of(DISC_DEGENERATION, ADJACENT_SEGMENT_DEGENERATION);
    static final Set<RadiologicalFinding> SCAR_FINDINGS = EnumSet.of(EPIDURAL_FIBROSIS, ARACHNOIDITIS);
    private static final Set<SpineProcedure> DECOMPRESSIONS =
            EnumSet.of(SpineProcedure.DISCECTOMY, SpineProcedure.LAMINECTOMY, SpineProcedure.FORAMINOTOMY);

    private static final Map<RadiologicalFinding, String> WHY = new EnumMap<>(Map.ofEntries(
            Map.entry(INSTABILITY, "mechanical instability calls for stabilisation"),
            Map.entry(SPONDYLOLISTHESIS, "a slipped vertebra is an unstable segment to stabilise"),
            Map.entry(PSEUDARTHROSIS, "the previous fusion did not heal and must be redone"),
            Map.entry(HARDWARE_FAILURE, "failed hardware is revised and the segment stabilised"),
            Map.entry(DISC_HERNIATION, "a herniated disc compresses the nerve, without instability"),
            Map.entry(CENTRAL_STENOSIS, "a narrowed canal compresses the nerves, without instability"),
            Map.entry(FORAMINAL_STENOSIS, "a narrowed foramen compresses the nerve root, without instability"),
            Map.entry(NERVE_ROOT_COMPRESSION, "the nerve root is compressed, without instability")));

    private record Seen(RadiologicalFinding finding, Imaging imaging) {

        String where() {
            return finding + " on " + imaging.describe();
        }
    }

    private DecisionSupport() {
    }

    /**
     * @param imaging every study recorded for the case, in any order
     * @param priorSurgeries the coded prior procedures
     * @param ageYears the patient's age at referral
     */
    public static Suggestion suggest(List<Imaging> imaging, List<PriorProcedure> priorSurgeries, int ageYears) {
        List<Seen> seen = imaging.stream().sorted(Imaging.CHRONOLOGICAL)
                .flatMap(study -> study.findings().stream().map(finding -> new Seen(finding, study))).toList();
        List<String> reasons = new ArrayList<>();
        SurgicalCategory category = null;

        List<Seen> instability = of(seen, INSTABILITY_FINDINGS);
        List<Seen> compression = of(seen, COMPRESSION_FINDINGS);
        List<Seen> degeneration = of(seen, DEGENERATION_FINDINGS);
        List<Seen> severeFacets = of(seen, EnumSet.of(SEVERE_FACET_ARTHROSIS));
        if (!instability.isEmpty()) {
            category = SurgicalCategory.FUSION;
            instability.forEach(it -> reasons.add(it.where() + ": " + WHY.get(it.finding()) + " → FUSION"));
        } else if (!compression.isEmpty()) {
            category = SurgicalCategory.SIMPLE_DECOMPRESSION;
            compression.forEach(it -> reasons.add(it.where() + ": " + WHY.get(it.finding()) + " → SIMPLE_DECOMPRESSION"));
        } else if (!degeneration.isEmpty() && !severeFacets.isEmpty()) {
            category = SurgicalCategory.FUSION;
            degeneration.forEach(it -> reasons.add(it.where() + " with " + severeFacets.get(0).where()
                    + ": advanced degeneration of the whole segment, no motion worth keeping → FUSION"));
        } else if (!degeneration.isEmpty() && ageYears < MOBILITY_WORTH_PRESERVING_UNDER_YEARS) {
            category = SurgicalCategory.MOTION_PRESERVATION;
            degeneration.forEach(it -> reasons.add(it.where() + ": degeneration without instability or severe facet disease, in a patient of "
                    + ageYears + " (under " + MOBILITY_WORTH_PRESERVING_UNDER_YEARS + ") whose mobility is worth preserving → MOTION_PRESERVATION"));
        } else if (!degeneration.isEmpty()) {
            degeneration.forEach(it -> reasons.add(it.where() + ": degeneration without instability, compression or severe facet disease, in a patient of "
                    + ageYears + " (" + MOBILITY_WORTH_PRESERVING_UNDER_YEARS + " or over): no category is suggested"));
        }
        for (Seen scar : of(seen, SCAR_FINDINGS)) {
            reasons.add(scar.where() + (category == null
                    ? ": scar tissue alone is not a surgical target; surgery may not help and can add scarring (consider non-surgical options such as neuromodulation)"
                    : ": scar tissue is not relieved by surgery; part of the pain may remain"));
        }
        if (reasons.isEmpty()) {
            reasons.add("no recorded finding points to a surgical category; the specialist decides from the full file");
        }
        return new Suggestion(category, reasons, causes(seen, priorSurgeries));
    }

    private static List<SuggestedCause> causes(List<Seen> seen, List<PriorProcedure> priorSurgeries) {
        Map<FbssCause, String> causes = new EnumMap<>(FbssCause.class);
        for (Seen it : seen) {
            switch (it.finding()) {
                case HARDWARE_FAILURE -> causes.putIfAbsent(FbssCause.HARDWARE_FAILURE, it.where() + ": the implant failed");
                case PSEUDARTHROSIS -> causes.putIfAbsent(FbssCause.INADEQUATE_FIRST_SURGERY, it.where() + ": the fusion did not heal");
                case EPIDURAL_FIBROSIS -> causes.putIfAbsent(FbssCause.EPIDURAL_FIBROSIS, it.where() + ": scar tissue around the nerve roots");
                case ARACHNOIDITIS -> causes.putIfAbsent(FbssCause.NERVE_INJURY_OR_ADHESIONS, it.where() + ": inflamed, adherent nerve roots");
                case ADJACENT_SEGMENT_DEGENERATION ->
                    causes.putIfAbsent(FbssCause.DEGENERATIVE_PROGRESSION, it.where() + ": the level next to the operated one degenerates");
                default -> {
                }
            }
            if (it.finding() == DISC_DEGENERATION && priorSurgeries.stream().anyMatch(surgery -> surgery.performedOn().isBefore(it.imaging().performedOn()))) {
                causes.putIfAbsent(FbssCause.DEGENERATIVE_PROGRESSION, it.where() + ": degeneration seen after the prior surgery");
            }
            if (COMPRESSION_FINDINGS.contains(it.finding())) {
                priorSurgeries.stream()
                        .filter(surgery -> DECOMPRESSIONS.contains(surgery.procedure()))
                        .filter(surgery -> surgery.levels() != null && surgery.levels().equalsIgnoreCase(it.imaging().levels()))
                        .filter(surgery -> surgery.performedOn().isBefore(it.imaging().performedOn()))
                        .findFirst()
                        .ifPresent(surgery -> causes.putIfAbsent(FbssCause.INADEQUATE_FIRST_SURGERY, it.where()
                                + ": compression remains at the level of the " + surgery.procedure() + " of " + surgery.performedOn()));
            }
        }
        return causes.entrySet().stream().map(entry -> new SuggestedCause(entry.getKey(), entry.getValue())).toList();
    }

    private static List<Seen> of(List<Seen> seen, Set<RadiologicalFinding> findings) {
        return seen.stream().filter(it -> findings.contains(it.finding())).toList();
    }
}
