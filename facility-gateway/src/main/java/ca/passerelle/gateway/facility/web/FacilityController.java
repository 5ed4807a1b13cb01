package ca.passerelle.gateway.facility.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.gateway.facility.Answer;
import ca.passerelle.gateway.facility.Availability;
import ca.passerelle.gateway.facility.AvailabilityQuery;
import ca.passerelle.gateway.facility.Facility;
import ca.passerelle.gateway.facility.FacilityGatewayService;
import ca.passerelle.gateway.facility.FacilityListing;
import ca.passerelle.gateway.facility.FacilityQuery;
import ca.passerelle.gateway.facility.Slot;

/** Reads: fresh when upstream answers, the last-known copy marked stale when it cannot. */
@RestController
class FacilityController {

    /** The body of {@code GET /api/facilities}. */
    record FacilitiesResponse(List<Facility> facilities, boolean stale, Instant asOf, long ageSeconds) {

        static FacilitiesResponse of(Answer<FacilityListing> answer) {
            return new FacilitiesResponse(answer.value().facilities(), answer.stale(), answer.asOf(), answer.ageSeconds());
        }
    }

    /** The body of {@code GET /api/facilities/{id}/availability}. */
    record AvailabilityResponse(String facilityId, List<Slot> slots, boolean stale, Instant asOf, long ageSeconds) {

        static AvailabilityResponse of(Answer<Availability> answer) {
            return new AvailabilityResponse(answer.value().facilityId(), answer.value().slots(), answer.stale(), answer.asOf(),
                    answer.ageSeconds());
        }
    }

    private final FacilityGatewayService gateway;

    FacilityController(FacilityGatewayService gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/api/facilities")
    FacilitiesResponse facilities(@RequestParam(required = false) String country, @RequestParam(required = false) String category,
            @RequestParam(required = false) String region, @RequestParam(required = false) String kind) {
        return FacilitiesResponse.of(gateway.searchFacilities(new FacilityQuery(country, category, region, kind)));
    }

    @GetMapping("/api/facilities/{facilityId}/availability")
    AvailabilityResponse availability(@PathVariable String facilityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return AvailabilityResponse.of(gateway.availability(new AvailabilityQuery(facilityId, from, to)));
    }
}
