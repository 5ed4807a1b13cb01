package ca.passerelle.dashboard.cases.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.dashboard.DashboardProperties;
import ca.passerelle.dashboard.cases.CaseCursor;
import ca.passerelle.dashboard.cases.CaseSearch;
import ca.passerelle.dashboard.cases.CaseSummary;
import ca.passerelle.dashboard.cases.CaseSummaryService;
import ca.passerelle.dashboard.cases.SlaState;
import ca.passerelle.dashboard.cases.Stage;
import ca.passerelle.dashboard.cases.WorkQueue;
import ca.passerelle.platform.web.NotFoundException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

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
    CasePageResponse list(@RequestParam(required = false) Stage stage,
            @RequestParam(required = false) @Pattern(regexp = ID) String clinicId,
            @RequestParam(required = false) @Pattern(regexp = ID) String hospitalId,
            @RequestParam(required = false) Boolean openAlert,
            @RequestParam(required = false) SlaState sla,
            @RequestParam(required = false) WorkQueue queue,
            @RequestParam(required = false) @Pattern(regexp = ID) String caseId,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_-]{1,200}") String after,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_OFFSET_PAGE) int page,
            @RequestParam(required = false) @Min(1) @Max(DashboardProperties.MAX_PAGE_SIZE) Integer size) {
        int pageSize = size == null ? properties.pageSize() : size;
        CaseCursor cursor = after == null ? null : CaseCursor.decode(after);
        return CasePageResponse.of(cases.search(new CaseSearch(stage, clinicId, hospitalId, openAlert, sla, queue, caseId, cursor,
                page, pageSize)), cases.sla());
    }

    @GetMapping("/{caseId}")
    CaseSummaryResponse get(@PathVariable String caseId) {
        return CaseSummaryResponse.of(summary(caseId), cases.sla());
    }

    @GetMapping("/{caseId}/timeline")
    List<TimelineEntryResponse> timeline(@PathVariable String caseId) {
        return summary(caseId).timeline().stream().map(TimelineEntryResponse::of).toList();
    }

    private CaseSummary summary(String caseId) {
        return cases.find(caseId).orElseThrow(() -> new NotFoundException("No such case"));
    }

    /** Identifiers as the services issue them. */
    static final String ID = "[A-Za-z0-9][A-Za-z0-9_.-]{0,99}";
    /** Offset pages go this deep at most; beyond, follow the {@code next} cursor (keyset paging stays fast at any depth). */
    static final int MAX_OFFSET_PAGE = 1000;
}
