package ca.passerelle.simulator.faults.web;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.simulator.faults.FaultSwitchboard;

/** Reads and switches the faults at run time; never faulted itself. */
@RestController
@RequestMapping("/admin/faults")
class FaultAdminController {

    private final FaultSwitchboard switchboard;

    FaultAdminController(FaultSwitchboard switchboard) {
        this.switchboard = switchboard;
    }

    @GetMapping
    FaultSettingsBody faults() {
        return FaultSettingsBody.from(switchboard.current());
    }

    @PutMapping
    FaultSettingsBody change(@Validated @RequestBody FaultSettingsBody body) {
        return FaultSettingsBody.from(switchboard.change(body.toSettings()));
    }

    @PostMapping("/reset")
    FaultSettingsBody reset() {
        return FaultSettingsBody.from(switchboard.reset());
    }

}
