package ca.passerelle.dashboard.cases.web;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import ca.passerelle.dashboard.DashboardProperties;
import ca.passerelle.dashboard.cases.CaseSearch;
import ca.passerelle.dashboard.cases.CaseSummary;
import ca.passerelle.dashboard.cases.CaseSummaryService;
import ca.passerelle.dashboard.cases.Stage;
import jakarta.servlet.http.HttpServletResponse;

/** The coordinators' case pages: {@code /cases} (filter by stage, paged) and {@code /cases/{caseId}} (summary and timeline). */
@Controller
class CasePagesController {

    private final CaseSummaryService cases;
    private final DashboardProperties properties;

    CasePagesController(CaseSummaryService cases, DashboardProperties properties) {
        this.cases = cases;
        this.properties = properties;
    }

    @GetMapping("/cases")
    String list(@RequestParam(required = false) Stage stage, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("stages", List.of(Stage.values()));
        model.addAttribute("stage", stage);
        model.addAttribute("cases", cases.search(new CaseSearch(stage, null, Math.max(0, page), properties.pageSize())));
        return "cases";
    }

    @GetMapping("/cases/{caseId}")
    String show(@PathVariable String caseId, Model model, HttpServletResponse response) {
        Optional<CaseSummary> summary = cases.find(caseId);
        model.addAttribute("caseId", caseId);
        if (summary.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "case-not-found";
        }
        model.addAttribute("summary", summary.get());
        return "case";
    }
}
