package ca.passerelle.rehab.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ca.passerelle.events.rehab.RehabPhase;

class PhaseGuideTest {

    @Test
    void describesEveryPhaseInFrenchAndEnglish() {
        for (RehabPhase phase : RehabPhase.values()) {
            PhaseGuide.Guidance guidance = PhaseGuide.of(phase);

            assertThat(guidance.phase()).isEqualTo(phase);
            for (PhaseGuide.Wording wording : new PhaseGuide.Wording[] {guidance.french(), guidance.english()}) {
                assertThat(wording.label()).as("%s label", phase).isNotBlank();
                assertThat(wording.goal()).as("%s goal", phase).isNotBlank();
                assertThat(wording.methods()).as("%s methods", phase).isNotEmpty().allSatisfy(m -> assertThat(m).isNotBlank());
            }
            assertThat(guidance.english().methods()).hasSameSizeAs(guidance.french().methods());
        }
    }

    @Test
    void followsTheClinicalSourceForTheFourPhases() {
        assertThat(PhaseGuide.of(RehabPhase.INITIAL_IMMOBILISATION).french().methods()).containsExactly("Repos relatif", "Soins de plaies");
        assertThat(PhaseGuide.of(RehabPhase.PROGRESSIVE_MOBILISATION).english().goal()).isEqualTo("Restore mobility, prevent atrophy");
        assertThat(PhaseGuide.of(RehabPhase.MUSCLE_STRENGTHENING).french().goal()).isEqualTo("Stabiliser la colonne vertébrale");
        assertThat(PhaseGuide.of(RehabPhase.WELLBEING_MAINTENANCE).english().methods())
                .contains("Neuromodulation (spinal cord stimulation)");
    }
}
