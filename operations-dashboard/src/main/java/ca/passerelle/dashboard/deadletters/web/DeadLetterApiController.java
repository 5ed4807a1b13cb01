package ca.passerelle.dashboard.deadletters.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.dashboard.DashboardProperties;
import ca.passerelle.dashboard.deadletters.DeadLetterService;

/** {@code /api/dead-letters}: the count and the newest dead letters. */
@RestController
class DeadLetterApiController {

    private final DeadLetterService deadLetters;
    private final DashboardProperties properties;

    DeadLetterApiController(DeadLetterService deadLetters, DashboardProperties properties) {
        this.deadLetters = deadLetters;
        this.properties = properties;
    }

    @GetMapping("/api/dead-letters")
    DeadLettersResponse list() {
        return new DeadLettersResponse(deadLetters.count(),
                deadLetters.newest(properties.deadLetterListSize()).stream().map(DeadLettersResponse.Item::of).toList());
    }
}
