package ca.passerelle.rehab.plan.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.platform.security.Callers;
import ca.passerelle.rehab.plan.FollowUpService;

/** Coordinators' follow-up alerts: the open ones, and their acknowledgement. */
@RestController
class AlertController {

    private final FollowUpService followUps;

    AlertController(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @GetMapping("/api/alerts")
    List<AlertResponse> open() {
        return followUps.openAlerts().stream().map(AlertResponse::from).toList();
    }

    /** Acknowledging an acknowledged alert answers it again and raises nothing. */
    @PostMapping("/api/alerts/{alertId}/acknowledge")
    AlertResponse acknowledge(@PathVariable String alertId) {
        return AlertResponse.from(followUps.acknowledge(alertId, Callers.current()));
    }
}
