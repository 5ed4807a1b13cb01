package ca.passerelle.dashboard.overview.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ca.passerelle.dashboard.overview.OverviewService;

/** {@code /}: the overview page. */
@Controller
class OverviewPageController {

    private final OverviewService overview;

    OverviewPageController(OverviewService overview) {
        this.overview = overview;
    }

    @GetMapping("/")
    String overview(Model model) {
        model.addAttribute("overview", overview.overview());
        return "overview";
    }
}
