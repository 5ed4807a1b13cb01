package ca.passerelle.dashboard.deadletters.web;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.dashboard.DashboardProperties;
import ca.passerelle.dashboard.deadletters.DeadLetter;
import ca.passerelle.dashboard.deadletters.DeadLetterReplay;
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
        List<DeadLetter> newest = deadLetters.newest(properties.deadLetterListSize());
        Map<String, DeadLetterReplay> replays = deadLetters.replaysOf(newest);
        return new DeadLettersResponse(deadLetters.count(),
                newest.stream().map(deadLetter -> DeadLettersResponse.Item.of(deadLetter, replays.get(deadLetter.id()))).toList());
    }
}
