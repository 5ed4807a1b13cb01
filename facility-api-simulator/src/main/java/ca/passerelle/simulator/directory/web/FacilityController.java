package ca.passerelle.simulator.directory.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.simulator.directory.FacilityDirectory;
import ca.passerelle.simulator.directory.FacilityKind;
import ca.passerelle.simulator.directory.FacilityQuery;
import ca.passerelle.simulator.directory.SurgicalCategory;

/** Lists facilities, filtered by country, surgical category, region and kind (all optional). */
@RestController
@RequestMapping("/v1/facilities")
class FacilityController {

    private final FacilityDirectory directory;

    FacilityController(FacilityDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    List<FacilityResponse> facilities(@RequestParam(required = false) String country,
            @RequestParam(required = false) SurgicalCategory category, @RequestParam(required = false) String region,
            @RequestParam(required = false) FacilityKind kind) {
        return directory.search(new FacilityQuery(country, category, region, kind)).stream()
                .map(FacilityResponse::from)
                .toList();
    }

}
