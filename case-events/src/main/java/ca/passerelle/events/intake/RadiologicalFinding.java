package ca.passerelle.events.intake;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * A coded imaging finding: what decision support reasons on. The radiologist's wording stays encrypted in
 * intake-service; a code this reader does not know reads as {@link #OTHER}.
 */
public enum RadiologicalFinding {
    DISC_HERNIATION,
    CENTRAL_STENOSIS,
    FORAMINAL_STENOSIS,
    NERVE_ROOT_COMPRESSION,
    INSTABILITY,
    SPONDYLOLISTHESIS,
    DISC_DEGENERATION,
    FACET_ARTHROSIS,
    SEVERE_FACET_ARTHROSIS,
    EPIDURAL_FIBROSIS,
    ARACHNOIDITIS,
    HARDWARE_FAILURE,
    PSEUDARTHROSIS,
    ADJACENT_SEGMENT_DEGENERATION,
    @JsonEnumDefaultValue
    OTHER
}
