package ca.passerelle.gateway.status.web;

import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.gateway.status.DependencyStatus;
import ca.passerelle.gateway.status.DependencyStatusService;

/** The breaker state of the facility-availability API as this gateway sees it. */
@RestController
class StatusController {

    static final String FACILITY_API = "facility-api";

    /** The body of {@code GET /api/status}. */
    record StatusResponse(String dependency, String state, Instant since) {
    }

    private final DependencyStatusService statuses;

    StatusController(DependencyStatusService statuses) {
        this.statuses = statuses;
    }

    @GetMapping("/api/status")
    StatusResponse status() {
        DependencyStatus status = statuses.status(FACILITY_API);
        return new StatusResponse(status.dependency(), status.state(), status.since());
    }
}
