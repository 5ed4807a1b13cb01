package ca.passerelle.simulator.availability.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.simulator.availability.AvailabilityService;
import ca.passerelle.simulator.directory.FacilityId;

/** A facility's slots between two dates (both included, both optional), with their status. */
@RestController
class SlotController {

    private final AvailabilityService availability;

    SlotController(AvailabilityService availability) {
        this.availability = availability;
    }

    @GetMapping("/v1/facilities/{facilityId}/slots")
    List<SlotResponse> slots(@PathVariable String facilityId,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        return availability.slots(FacilityId.of(facilityId), from, to).stream().map(SlotResponse::from).toList();
    }

}
