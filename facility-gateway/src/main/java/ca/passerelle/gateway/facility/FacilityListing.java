package ca.passerelle.gateway.facility;

import java.util.List;

/** The answer to one facility search. */
public record FacilityListing(List<Facility> facilities) {

    public FacilityListing {
        facilities = facilities == null ? List.of() : List.copyOf(facilities);
    }
}
