package ca.passerelle.dashboard.deadletters.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ca.passerelle.dashboard.DashboardProperties;
import ca.passerelle.dashboard.deadletters.DeadLetter;
import ca.passerelle.dashboard.deadletters.DeadLetterService;
import ca.passerelle.dashboard.deadletters.DeadLetterService.ReplayOutcome;
import ca.passerelle.platform.security.Caller;
import ca.passerelle.platform.security.Role;
import jakarta.validation.constraints.Pattern;

/**
 * {@code /dead-letters}: the newest dead letters with their topic, reason, time and replay; {@code POST
 * /dead-letters/{id}/replay} publishes one again to its original topic after a fix (audited, once).
 */
@Controller
class DeadLetterPagesController {

    static final String FLASH = "replayOutcome";

    private final DeadLetterService deadLetters;
    private final DashboardProperties properties;

    DeadLetterPagesController(DeadLetterService deadLetters, DashboardProperties properties) {
        this.deadLetters = deadLetters;
        this.properties = properties;
    }

    @GetMapping("/dead-letters")
    String list(Model model) {
        List<DeadLetter> newest = deadLetters.newest(properties.deadLetterListSize());
        model.addAttribute("count", deadLetters.count());
        model.addAttribute("deadLetters", newest);
        model.addAttribute("replays", deadLetters.replaysOf(newest));
        return "dead-letters";
    }

    @PostMapping("/dead-letters/{deadLetterId}/replay")
    String replay(@PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,249}:[0-9]{1,9}:[0-9]{1,19}") String deadLetterId,
            Authentication authentication, RedirectAttributes flash) {
        ReplayOutcome outcome = deadLetters.replay(caller(authentication), deadLetterId);
        flash.addFlashAttribute(FLASH, outcome);
        flash.addFlashAttribute("replayMessage", "deadLetters.replay." + switch (outcome) {
            case REPLAYED -> "done";
            case ALREADY_REPLAYED -> "already";
            case UNKNOWN -> "unknown";
            case NO_ORIGINAL_TOPIC -> "noOriginalTopic";
            case FAILED -> "failed";
        });
        return "redirect:/dead-letters";
    }

    /** The signed-in coordinator, as the audit trail records callers (the page chain admits coordinators only). */
    static Caller caller(Authentication authentication) {
        return new Caller(authentication.getName(), EnumSet.of(Role.COORDINATOR), Optional.empty(), Optional.empty());
    }
}
