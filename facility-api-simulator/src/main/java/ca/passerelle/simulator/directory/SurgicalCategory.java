package ca.passerelle.simulator.directory;

/** The surgical categories a French partner hospital may perform. */
public enum SurgicalCategory {
    SIMPLE_DECOMPRESSION,
    FUSION,
    MOTION_PRESERVATION
}
