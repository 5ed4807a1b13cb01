package ca.passerelle.dashboard.cases.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.springframework.security.core.Authentication;

import ca.passerelle.dashboard.DashboardProperties;
import ca.passerelle.dashboard.actions.web.CoordinatorToken;
import ca.passerelle.dashboard.actions.web.ServiceCalls;
import ca.passerelle.dashboard.cases.CaseCursor;
import ca.passerelle.dashboard.cases.CasePage;
import ca.passerelle.dashboard.cases.CaseSearch;
import ca.passerelle.dashboard.cases.CaseSummary;
import ca.passerelle.dashboard.cases.CaseSummaryService;
import ca.passerelle.dashboard.cases.SlaState;
import ca.passerelle.dashboard.cases.Stage;
import ca.passerelle.dashboard.cases.WorkQueue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;

/**
 * The coordinators' case pages: {@code /cases} (filters, search by case id, keyset paging), {@code /cases/{caseId}}
 * (summary, blockers, alerts, scores chart, timeline) and {@code /queues} (the work queues).
 */
@Controller
class CasePagesController {

    private final CaseSummaryService cases;
    private final DashboardProperties properties;
    private final ServiceCalls services;
    private final CoordinatorToken tokens;

    CasePagesController(CaseSummaryService cases, DashboardProperties properties, ServiceCalls services, CoordinatorToken tokens) {
        this.cases = cases;
        this.properties = properties;
        this.services = services;
        this.tokens = tokens;
    }

    @GetMapping("/cases")
    String list(@RequestParam(required = false) Stage stage,
            @RequestParam(required = false) @Pattern(regexp = "|" + CaseApiController.ID) String clinicId,
            @RequestParam(required = false) @Pattern(regexp = "|" + CaseApiController.ID) String hospitalId,
            @RequestParam(required = false) Boolean openAlert,
            @RequestParam(required = false) SlaState sla,
            @RequestParam(required = false) WorkQueue queue,
            @RequestParam(required = false) @Pattern(regexp = "|" + CaseApiController.ID) String caseId,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_-]{1,200}") String after,
            Model model) {
        CaseCursor cursor = after == null ? null : CaseCursor.decode(after);
        CasePage page = cases.search(new CaseSearch(stage, clinicId, hospitalId, openAlert, sla, queue, caseId, cursor, 0,
                properties.pageSize()));
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("stage", stage);
        filters.put("clinicId", blankToNull(clinicId));
        filters.put("hospitalId", blankToNull(hospitalId));
        filters.put("openAlert", openAlert);
        filters.put("sla", sla);
        filters.put("queue", queue);
        filters.put("caseId", blankToNull(caseId));
        model.addAttribute("stages", List.of(Stage.values()));
        model.addAttribute("slaStates", List.of(SlaState.values()));
        model.addAttribute("queues", List.of(WorkQueue.values()));
        model.addAttribute("filters", filters);
        model.addAttribute("firstPage", cursor != null);
        model.addAttribute("cases", page);
        return "cases";
    }

    @GetMapping("/cases/{caseId}")
    String show(@PathVariable String caseId, Model model, Authentication authentication, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<CaseSummary> summary = cases.find(caseId);
        model.addAttribute("caseId", caseId);
        if (summary.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "case-not-found";
        }
        model.addAttribute("summary", summary.get());
        model.addAttribute("nrsChart", ScoreChart.nrs(summary.get()));
        model.addAttribute("odiChart", ScoreChart.odi(summary.get()));
        if (summary.get().stage() == Stage.AWAITING_HOSPITAL_CHOICE && !summary.get().terminal()) {
            // the options to pick from are the travel service's, read with the coordinator's token
            model.addAttribute("bookingOptions", tokens.of(authentication, request)
                    .map(token -> services.bookingOptions(token, caseId)).orElse(null));
        }
        return "case";
    }

    @GetMapping("/queues")
    String queues(Model model) {
        Map<WorkQueue, CasePage> queues = new LinkedHashMap<>();
        for (WorkQueue queue : WorkQueue.values()) {
            queues.put(queue, cases.queue(queue, properties.queueSize()));
        }
        model.addAttribute("queues", queues);
        return "queues";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
