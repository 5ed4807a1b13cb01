package ca.passerelle.simulator.availability.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.simulator.availability.AvailabilityService;
import ca.passerelle.simulator.availability.Hold;
import ca.passerelle.simulator.availability.HoldId;
import ca.passerelle.simulator.availability.HoldStatus;
import ca.passerelle.simulator.availability.SlotId;

/** Places, confirms, releases and lists holds on slots. */
@RestController
@RequestMapping("/v1/holds")
class HoldController {

    private final AvailabilityService availability;

    HoldController(AvailabilityService availability) {
        this.availability = availability;
    }

    @PostMapping
    ResponseEntity<HoldResponse> hold(@Validated @RequestBody HoldRequest request) {
        Hold hold = availability.hold(new SlotId(request.slotId()), request.reference());
        return ResponseEntity.created(URI.create("/v1/holds/" + hold.id().value())).body(HoldResponse.from(hold));
    }

    @PostMapping("/{holdId}/confirm")
    HoldResponse confirm(@PathVariable String holdId) {
        return HoldResponse.from(availability.confirm(new HoldId(holdId)));
    }

    @DeleteMapping("/{holdId}")
    ResponseEntity<Void> release(@PathVariable String holdId) {
        availability.release(new HoldId(holdId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{holdId}")
    HoldResponse hold(@PathVariable String holdId) {
        return HoldResponse.from(availability.get(new HoldId(holdId)));
    }

    @GetMapping
    List<HoldResponse> holds(@RequestParam(required = false) HoldStatus status) {
        return availability.holds(Optional.ofNullable(status)).stream().map(HoldResponse::from).toList();
    }

}
