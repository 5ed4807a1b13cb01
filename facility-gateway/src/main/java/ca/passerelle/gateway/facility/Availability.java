package ca.passerelle.gateway.facility;

import java.util.List;

/** The answer to one availability request: the slots of one facility. */
public record Availability(String facilityId, List<Slot> slots) {

    public Availability {
        slots = slots == null ? List.of() : List.copyOf(slots);
    }
}
