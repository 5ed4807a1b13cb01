package ca.passerelle.assessment.evaluation;

import static ca.passerelle.events.intake.RadiologicalFinding.ADJACENT_SEGMENT_DEGENERATION;
import static ca.passerelle.events.intake.RadiologicalFinding.ARACHNOIDITIS;
import static ca.passerelle.events.intake.RadiologicalFinding.CENTRAL_STENOSIS;
import static ca.passerelle.events.intake.RadiologicalFinding.DISC_DEGENERATION;
import static ca.passerelle.events.intake.RadiologicalFinding.DISC_HERNIATION;
import static ca.passerelle.events.intake.RadiologicalFinding.EPIDURAL_FIBROSIS;
import static ca.passerelle.events.intake.RadiologicalFinding.FACET_ARTHROSIS;
import static ca.passerelle.events.intake.RadiologicalFinding.FORAMINAL_STENOSIS;
import static ca.passerelle.events.intake.RadiologicalFinding.HARDWARE_FAILURE;
import static ca.passerelle.events.intake.RadiologicalFinding.INSTABILITY;
import static ca.passerelle.events.intake.RadiologicalFinding.NERVE_ROOT_COMPRESSION;
import static ca.passerelle.events.intake.RadiologicalFinding.OTHER;
import static ca.passerelle.events.intake.RadiologicalFinding.PSEUDARTHROSIS;
import static ca.passerelle.events.intake.RadiologicalFinding.SEVERE_FACET_ARTHROSIS;
import static ca.passerelle.events.intake.RadiologicalFinding.SPONDYLOLISTHESIS;
import static ca.passerelle.events.assessment.SurgicalCategory.FUSION;
import static ca.passerelle.events.assessment.SurgicalCategory.MOTION_PRESERVATION;
import static ca.passerelle.events.assessment.SurgicalCategory.SIMPLE_DECOMPRESSION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ca.passerelle.events.assessment.FbssCause;
import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.intake.RadiologicalFinding;
import ca.passerelle.events.intake.SpineProcedure;

class DecisionSupportTest {

    private static final LocalDate MRI_DAY = LocalDate.of(2026, 9, 20);
    private static final List<PriorProcedure> DISCECTOMY_L4_L5 =
            List.of(new PriorProcedure(LocalDate.of(2023, 3, 14), SpineProcedure.DISCECTOMY, "L4-L5"));

    private static Imaging mri(RadiologicalFinding... findings) {
        return new Imaging("MRI", MRI_DAY, List.of(findings), "L4-L5");
    }

    private static Suggestion suggest(int age, RadiologicalFinding... findings) {
        return DecisionSupport.suggest(List.of(mri(findings)), List.of(), age);
    }

    /** findings on one MRI of 2026-09-20 at L4-L5 → the category, and the finding the first reason must name. */
    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(List.of(INSTABILITY), 52, FUSION, "INSTABILITY on MRI of 2026-09-20 at L4-L5: mechanical instability"),
                Arguments.of(List.of(SPONDYLOLISTHESIS), 52, FUSION, "SPONDYLOLISTHESIS on MRI of 2026-09-20"),
                Arguments.of(List.of(PSEUDARTHROSIS), 52, FUSION, "PSEUDARTHROSIS on MRI of 2026-09-20"),
                Arguments.of(List.of(HARDWARE_FAILURE), 52, FUSION, "HARDWARE_FAILURE on MRI of 2026-09-20"),
                Arguments.of(List.of(INSTABILITY, DISC_HERNIATION), 52, FUSION, "INSTABILITY on MRI"),
                Arguments.of(List.of(SPONDYLOLISTHESIS, DISC_DEGENERATION), 38, FUSION, "SPONDYLOLISTHESIS on MRI"),
                Arguments.of(List.of(DISC_HERNIATION), 52, SIMPLE_DECOMPRESSION, "DISC_HERNIATION on MRI of 2026-09-20 at L4-L5: a herniated disc"),
                Arguments.of(List.of(CENTRAL_STENOSIS), 70, SIMPLE_DECOMPRESSION, "CENTRAL_STENOSIS on MRI"),
                Arguments.of(List.of(FORAMINAL_STENOSIS), 52, SIMPLE_DECOMPRESSION, "FORAMINAL_STENOSIS on MRI"),
                Arguments.of(List.of(NERVE_ROOT_COMPRESSION), 52, SIMPLE_DECOMPRESSION, "NERVE_ROOT_COMPRESSION on MRI"),
                Arguments.of(List.of(DISC_HERNIATION, DISC_DEGENERATION), 38, SIMPLE_DECOMPRESSION, "DISC_HERNIATION on MRI"),
                Arguments.of(List.of(DISC_DEGENERATION), 38, MOTION_PRESERVATION,
                        "DISC_DEGENERATION on MRI of 2026-09-20 at L4-L5: degeneration without instability or severe facet disease, in a patient of 38"),
                Arguments.of(List.of(ADJACENT_SEGMENT_DEGENERATION, FACET_ARTHROSIS), 45, MOTION_PRESERVATION, "ADJACENT_SEGMENT_DEGENERATION on MRI"),
                Arguments.of(List.of(DISC_DEGENERATION, SEVERE_FACET_ARTHROSIS), 38, FUSION,
                        "DISC_DEGENERATION on MRI of 2026-09-20 at L4-L5 with SEVERE_FACET_ARTHROSIS on MRI of 2026-09-20 at L4-L5: advanced degeneration"),
                Arguments.of(List.of(DISC_DEGENERATION), 61, null, "DISC_DEGENERATION on MRI of 2026-09-20 at L4-L5: degeneration without instability"),
                Arguments.of(List.of(EPIDURAL_FIBROSIS), 52, null, "EPIDURAL_FIBROSIS on MRI of 2026-09-20 at L4-L5: scar tissue alone is not a surgical target; surgery may not help"),
                Arguments.of(List.of(ARACHNOIDITIS), 52, null, "ARACHNOIDITIS on MRI of 2026-09-20 at L4-L5: scar tissue alone"),
                Arguments.of(List.of(FACET_ARTHROSIS, OTHER), 52, null, "no recorded finding points to a surgical category"),
                Arguments.of(List.of(), 52, null, "no recorded finding points to a surgical category"));
    }

    @ParameterizedTest(name = "{0} at {1} → {2}")
    @MethodSource("rules")
    void suggestsTheCategoryTheFindingsPointTo(List<RadiologicalFinding> findings, int age, SurgicalCategory category, String firstReason) {
        Suggestion suggestion = suggest(age, findings.toArray(RadiologicalFinding[]::new));

        assertThat(suggestion.category()).isEqualTo(category);
        assertThat(suggestion.reasons().get(0)).startsWith(firstReason);
        if (category != null) {
            assertThat(suggestion.reasons().get(0)).endsWith("→ " + category);
        }
    }

    @Test
    void namesEveryFindingBehindTheCategoryWithItsModalityAndDate() {
        Suggestion suggestion = DecisionSupport.suggest(List.of(
                new Imaging("CT", LocalDate.of(2026, 11, 6), List.of(SPONDYLOLISTHESIS, INSTABILITY), "L4-L5"),
                new Imaging("XRAY", LocalDate.of(2026, 10, 1), List.of(HARDWARE_FAILURE), null)), List.of(), 52);

        assertThat(suggestion.category()).isEqualTo(FUSION);
        assertThat(suggestion.reasons()).containsExactly(
                "HARDWARE_FAILURE on XRAY of 2026-10-01: failed hardware is revised and the segment stabilised → FUSION",
                "INSTABILITY on CT of 2026-11-06 at L4-L5: mechanical instability calls for stabilisation → FUSION",
                "SPONDYLOLISTHESIS on CT of 2026-11-06 at L4-L5: a slipped vertebra is an unstable segment to stabilise → FUSION");
    }

    @Test
    void cautionsThatFibrosisNextToACompressionIsNotRelievedBySurgery() {
        Suggestion suggestion = DecisionSupport.suggest(List.of(new Imaging("MRI_GADOLINIUM", MRI_DAY, List.of(EPIDURAL_FIBROSIS, FORAMINAL_STENOSIS), "L4-L5")),
                DISCECTOMY_L4_L5, 52);

        assertThat(suggestion.category()).isEqualTo(SIMPLE_DECOMPRESSION);
        assertThat(suggestion.reasons()).containsExactly(
                "FORAMINAL_STENOSIS on MRI_GADOLINIUM of 2026-09-20 at L4-L5: a narrowed foramen compresses the nerve root, without instability → SIMPLE_DECOMPRESSION",
                "EPIDURAL_FIBROSIS on MRI_GADOLINIUM of 2026-09-20 at L4-L5: scar tissue is not relieved by surgery; part of the pain may remain");
    }

    /** findings on the MRI, prior surgeries → the probable FBSS causes suggested, in the catalogue's order. */
    static Stream<Arguments> causes() {
        return Stream.of(
                Arguments.of(List.of(EPIDURAL_FIBROSIS, FORAMINAL_STENOSIS), DISCECTOMY_L4_L5,
                        List.of(FbssCause.INADEQUATE_FIRST_SURGERY, FbssCause.EPIDURAL_FIBROSIS)),
                Arguments.of(List.of(FORAMINAL_STENOSIS), List.of(new PriorProcedure(LocalDate.of(2023, 3, 14), SpineProcedure.DISCECTOMY, "L5-S1")),
                        List.of()),
                Arguments.of(List.of(HARDWARE_FAILURE), List.of(), List.of(FbssCause.HARDWARE_FAILURE)),
                Arguments.of(List.of(PSEUDARTHROSIS), List.of(), List.of(FbssCause.INADEQUATE_FIRST_SURGERY)),
                Arguments.of(List.of(ARACHNOIDITIS), List.of(), List.of(FbssCause.NERVE_INJURY_OR_ADHESIONS)),
                Arguments.of(List.of(ADJACENT_SEGMENT_DEGENERATION), List.of(), List.of(FbssCause.DEGENERATIVE_PROGRESSION)),
                Arguments.of(List.of(DISC_DEGENERATION), DISCECTOMY_L4_L5, List.of(FbssCause.DEGENERATIVE_PROGRESSION)),
                Arguments.of(List.of(DISC_DEGENERATION), List.of(), List.of()),
                Arguments.of(List.of(INSTABILITY), DISCECTOMY_L4_L5, List.of()));
    }

    @ParameterizedTest(name = "{0} after {1} → {2}")
    @MethodSource("causes")
    void mapsFindingsToProbableFbssCauses(List<RadiologicalFinding> findings, List<PriorProcedure> priorSurgeries, List<FbssCause> causes) {
        Suggestion suggestion = DecisionSupport.suggest(List.of(mri(findings.toArray(RadiologicalFinding[]::new))), priorSurgeries, 52);

        assertThat(suggestion.probableCauses()).extracting(SuggestedCause::cause).containsExactlyElementsOf(causes);
        assertThat(suggestion.probableCauses()).allSatisfy(cause -> assertThat(cause.reason()).contains("on MRI of 2026-09-20"));
    }

    @Test
    void explainsARecurrentCompressionAtTheOperatedLevel() {
        Suggestion suggestion = DecisionSupport.suggest(List.of(mri(DISC_HERNIATION)), DISCECTOMY_L4_L5, 52);

        assertThat(suggestion.probableCauses()).containsExactly(new SuggestedCause(FbssCause.INADEQUATE_FIRST_SURGERY,
                "DISC_HERNIATION on MRI of 2026-09-20 at L4-L5: compression remains at the level of the DISCECTOMY of 2023-03-14"));
    }

    @Test
    void readsTheSameStudiesInAnyOrderTheSameWay() {
        Imaging ct = new Imaging("CT", LocalDate.of(2026, 11, 6), List.of(INSTABILITY), "L4-L5");
        Imaging mri = mri(EPIDURAL_FIBROSIS, DISC_HERNIATION);

        assertThat(DecisionSupport.suggest(List.of(ct, mri), DISCECTOMY_L4_L5, 52))
                .isEqualTo(DecisionSupport.suggest(List.of(mri, ct), DISCECTOMY_L4_L5, 52));
    }
}
