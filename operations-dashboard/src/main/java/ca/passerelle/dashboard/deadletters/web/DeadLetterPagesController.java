package ca.passerelle.dashboard.deadletters.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ca.passerelle.dashboard.DashboardProperties;
import ca.passerelle.dashboard.deadletters.DeadLetterService;

/** {@code /dead-letters}: the newest dead letters with their topic, reason and time (replay: issue #9, later). */
@Controller
class DeadLetterPagesController {

    private final DeadLetterService deadLetters;
    private final DashboardProperties properties;

    DeadLetterPagesController(DeadLetterService deadLetters, DashboardProperties properties) {
        this.deadLetters = deadLetters;
        this.properties = properties;
    }

    @GetMapping("/dead-letters")
    String list(Model model) {
        model.addAttribute("count", deadLetters.count());
        model.addAttribute("deadLetters", deadLetters.newest(properties.deadLetterListSize()));
        return "dead-letters";
    }
}
