package ca.passerelle.events.rehab;

/** The four post-operative phases of the clinical source, in order. */
public enum RehabPhase {
    /** Immobilisation initiale: protect the surgical site. */
    INITIAL_IMMOBILISATION,
    /** Mobilisation progressive: restore mobility, prevent atrophy. */
    PROGRESSIVE_MOBILISATION,
    /** Renforcement musculaire: stabilise the spine. */
    MUSCLE_STRENGTHENING,
    /** Maintien du bien-être: manage pain and stress. */
    WELLBEING_MAINTENANCE
}
