package ca.passerelle.events.travel;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Who started a reschedule or a cancellation. */
public enum Initiator {
    COORDINATOR,
    HOSPITAL,
    /** The pathway itself: consent withdrawn, red flag, case closed. */
    PATHWAY,
    @JsonEnumDefaultValue
    OTHER
}
