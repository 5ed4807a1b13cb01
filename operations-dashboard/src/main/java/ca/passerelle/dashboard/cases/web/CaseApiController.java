package ca.passerelle.dashboard.cases.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.dashboard.DashboardProperties;
import ca.passerelle.dashboard.cases.CaseSearch;
import ca.passerelle.dashboard.cases.CaseSummary;
import ca.passerelle.dashboard.cases.CaseSummaryService;
import ca.passerelle.dashboard.cases.Stage;
import ca.passerelle.platform.web.NotFoundException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code /api/cases}: the case summaries, filtered and paged, and each case's timeline. */
@RestController
@RequestMapping("/api/cases")
class CaseApiController {

    private final CaseSummaryService cases;
    private final DashboardProperties properties;

    CaseApiController(CaseSummaryService cases, DashboardProperties properties) {
        this.cases = cases;
        this.properties = properties;
    }

    @GetMapping
    CasePageResponse list(@RequestParam(required = false) Stage stage, @RequestParam(required = false) String clinicId,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(required = false) @Min(1) @Max(500) Integer size) {
        int pageSize = size == null ? properties.pageSize() : Math.min(size, properties.maxPageSize());
        return CasePageResponse.of(cases.search(new CaseSearch(stage, clinicId, page, pageSize)));
    }

    @GetMapping("/{caseId}")
    CaseSummaryResponse get(@PathVariable String caseId) {
        return CaseSummaryResponse.of(summary(caseId));
    }

    @GetMapping("/{caseId}/timeline")
    List<TimelineEntryResponse> timeline(@PathVariable String caseId) {
        return summary(caseId).timeline().stream().map(TimelineEntryResponse::of).toList();
    }

    private CaseSummary summary(String caseId) {
        return cases.find(caseId).orElseThrow(() -> new NotFoundException("No case " + caseId));
    }
}
