package ca.passerelle.events.assessment;

/** The surgical categories a specialist may recommend. */
public enum SurgicalCategory {
    SIMPLE_DECOMPRESSION,
    FUSION,
    MOTION_PRESERVATION
}
