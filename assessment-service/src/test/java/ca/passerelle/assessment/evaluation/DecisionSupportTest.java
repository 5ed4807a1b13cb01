package ca.passerelle.assessment.evaluation;

import static ca.passerelle.assessment.evaluation.Cases.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ca.passerelle.events.assessment.SurgicalCategory;

class DecisionSupportTest {

    @Test
    void suggestsSimpleDecompressionForFibrosisAndStenosisInFrench() {
        Suggestion suggestion = DecisionSupport.suggest(aCase().build());

        assertThat(suggestion.category()).isEqualTo(SurgicalCategory.SIMPLE_DECOMPRESSION);
        assertThat(suggestion.reasons()).containsExactly(
                "imaging MRI_GADOLINIUM of 2026-09-20 mentions stenosis (\"Fibrose épidurale L4-L5, sténose foraminale gauche\")",
                "imaging MRI_GADOLINIUM of 2026-09-20 mentions epidural fibrosis (\"Fibrose épidurale L4-L5, sténose foraminale gauche\")");
    }

    @Test
    void suggestsSimpleDecompressionForADiscHerniation() {
        Suggestion suggestion = DecisionSupport.suggest(aCase().withoutFindings().withImaging("Recurrent disc herniation L5-S1").build());

        assertThat(suggestion.category()).isEqualTo(SurgicalCategory.SIMPLE_DECOMPRESSION);
        assertThat(suggestion.reasons()).singleElement().asString().contains("disc herniation");
    }

    @Test
    void suggestsFusionForInstabilityEvenWithCompression() {
        Suggestion suggestion = DecisionSupport.suggest(aCase().withImaging("Instabilité L4-L5 et compression radiculaire").build());

        assertThat(suggestion.category()).isEqualTo(SurgicalCategory.FUSION);
        assertThat(suggestion.reasons()).singleElement().asString().contains("mentions instability");
    }

    @Test
    void suggestsFusionForSpondylolisthesisHardwareFailureOrPseudarthrosis() {
        assertThat(DecisionSupport.suggest(aCase().withoutFindings().withImaging("Spondylolisthesis grade II L5-S1").build()).category())
                .isEqualTo(SurgicalCategory.FUSION);
        assertThat(DecisionSupport.suggest(aCase().withoutFindings().withImaging("Rupture de tige, descellement des vis").build()).category())
                .isEqualTo(SurgicalCategory.FUSION);
        assertThat(DecisionSupport.suggest(aCase().withoutFindings().withPriorSurgery("Arthrodèse L4-L5 compliquée de pseudarthrose").build())
                .reasons()).singleElement().asString().startsWith("prior surgery of 2023-03-14 mentions pseudarthrosis");
        assertThat(DecisionSupport.suggest(aCase().withoutFindings().withDiagnosis("M43.1").build()).reasons())
                .containsExactly("diagnosis M43.1 names spondylolisthesis");
    }

    @Test
    void doesNotReadAPriorDecompressionAsNerveCompression() {
        Suggestion suggestion = DecisionSupport.suggest(aCase().withoutFindings().withPriorSurgery("Décompression L4-L5").build());

        assertThat(suggestion.category()).isNull();
    }

    @Test
    void suggestsMotionPreservationForAYoungPatientWithDegenerativeDiscAndNoInstability() {
        Suggestion suggestion = DecisionSupport.suggest(aCase().withoutFindings().aged(38).withImaging("Discopathie dégénérative L4-L5").build());

        assertThat(suggestion.category()).isEqualTo(SurgicalCategory.MOTION_PRESERVATION);
        assertThat(suggestion.reasons()).containsExactly(
                "imaging MRI of 2026-09-20 mentions degenerative disc disease (\"Discopathie dégénérative L4-L5\")",
                "the patient is 38, younger than 50, and no finding mentions instability");
    }

    @Test
    void suggestsNothingForAnOlderPatientWithDegenerativeDiscOnly() {
        Suggestion suggestion = DecisionSupport.suggest(aCase().withoutFindings().aged(61).withImaging("Degenerative disc disease L4-L5").build());

        assertThat(suggestion.category()).isNull();
        assertThat(suggestion.reasons()).containsExactly(
                "no recorded finding points to a surgical category; the specialist decides from the full file");
    }

    @Test
    void suggestsFusionRatherThanMotionPreservationWhenDegenerationComesWithInstability() {
        Suggestion suggestion = DecisionSupport.suggest(aCase().withoutFindings().aged(38)
                .withImaging("Degenerative disc disease with segmental instability").build());

        assertThat(suggestion.category()).isEqualTo(SurgicalCategory.FUSION);
    }
}
