package ca.passerelle.simulator.directory.web;

import java.util.List;

import ca.passerelle.simulator.directory.Facility;

/** A facility as the external API describes it. */
public record FacilityResponse(String id, String name, String kind, String country, String region, String city,
        List<String> categories, List<String> languages) {

    static FacilityResponse from(Facility facility) {
        return new FacilityResponse(facility.id().value(), facility.name(), facility.kind().name(), facility.country(),
                facility.region(), facility.city(), facility.categories().stream().map(Enum::name).toList(),
                facility.languages());
    }

}
