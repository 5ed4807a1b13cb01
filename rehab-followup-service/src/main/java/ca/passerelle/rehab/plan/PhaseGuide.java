package ca.passerelle.rehab.plan;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import ca.passerelle.events.rehab.RehabPhase;

/** What each phase is for and how it is done, after the clinical source (French) with an English rendering. */
public final class PhaseGuide {

    /** The name, goal and methods of a phase in one language. */
    public record Wording(String label, String goal, List<String> methods) {

        public Wording {
            methods = List.copyOf(methods);
        }
    }

    /** A phase described in French (the clinics' language, first) and English. */
    public record Guidance(RehabPhase phase, Wording french, Wording english) {
    }

    private static final Map<RehabPhase, Guidance> GUIDANCE = new EnumMap<>(Map.of(
            RehabPhase.INITIAL_IMMOBILISATION, new Guidance(RehabPhase.INITIAL_IMMOBILISATION,
                    new Wording("Immobilisation initiale", "Protection du site opératoire", List.of("Repos relatif", "Soins de plaies")),
                    new Wording("Initial immobilisation", "Protect the surgical site", List.of("Relative rest", "Wound care"))),
            RehabPhase.PROGRESSIVE_MOBILISATION, new Guidance(RehabPhase.PROGRESSIVE_MOBILISATION,
                    new Wording("Mobilisation progressive", "Restaurer la mobilité, prévenir l'atrophie",
                            List.of("Physiothérapie", "Massage", "Étirement doux")),
                    new Wording("Progressive mobilisation", "Restore mobility, prevent atrophy",
                            List.of("Physiotherapy", "Massage", "Gentle stretching"))),
            RehabPhase.MUSCLE_STRENGTHENING, new Guidance(RehabPhase.MUSCLE_STRENGTHENING,
                    new Wording("Renforcement musculaire", "Stabiliser la colonne vertébrale",
                            List.of("Exercices supervisés", "Kinésithérapie")),
                    new Wording("Muscle strengthening", "Stabilise the spine", List.of("Supervised exercise", "Kinesiotherapy"))),
            RehabPhase.WELLBEING_MAINTENANCE, new Guidance(RehabPhase.WELLBEING_MAINTENANCE,
                    new Wording("Maintien du bien-être", "Gestion de la douleur et du stress",
                            List.of("Psychothérapie", "Neuromodulation (stimulation de la moelle épinière)")),
                    new Wording("Well-being maintenance", "Manage pain and stress",
                            List.of("Psychotherapy", "Neuromodulation (spinal cord stimulation)")))));

    private PhaseGuide() {
    }

    public static Guidance of(RehabPhase phase) {
        Guidance guidance = GUIDANCE.get(phase);
        if (guidance == null) {
            throw new IllegalStateException("No guidance for rehabilitation phase " + phase);
        }
        return guidance;
    }
}
