package ca.passerelle.gateway.facility.web;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.gateway.facility.FacilityGatewayService;
import ca.passerelle.gateway.facility.Hold;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Writes: passed to upstream once, answered 503 when it cannot take them, never faked. */
@RestController
@Validated
class HoldController {

    /** The body of {@code POST /api/holds}. */
    record HoldRequest(@NotBlank @Size(max = 100) String slotId, @NotBlank @Size(max = 100) String reference) {
    }

    private final FacilityGatewayService gateway;

    HoldController(FacilityGatewayService gateway) {
        this.gateway = gateway;
    }

    @PostMapping("/api/holds")
    @ResponseStatus(HttpStatus.CREATED)
    Hold placeHold(@Valid @RequestBody HoldRequest request) {
        return gateway.placeHold(request.slotId(), request.reference());
    }

    @PostMapping("/api/holds/{holdId}/confirmation")
    Hold confirm(@PathVariable String holdId) {
        return gateway.confirmHold(holdId);
    }

    @DeleteMapping("/api/holds/{holdId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(@PathVariable String holdId) {
        gateway.releaseHold(holdId);
    }
}
