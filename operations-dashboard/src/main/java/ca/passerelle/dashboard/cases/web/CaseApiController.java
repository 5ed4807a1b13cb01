package ca.passerelle.dashboard.cases.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
import ca.passerelle.dashboard.cases.UrgentReferralService;
import ca.passerelle.dashboard.cases.WorkQueue;
import ca.passerelle.platform.security.Callers;
import ca.passerelle.platform.web.NotFoundException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * {@code /api/cases}: the case summaries, filtered and paged, each case's timeline, and the acknowledgement of a case's
 * urgent-referral alert (the dashboard's own alert: no service emits one for a red flag).
 */
@RestController
@RequestMapping("/api/cases")
class CaseApiController {

    private final CaseSummaryService cases;
    private final DashboardProperties properties;
    private final UrgentReferralService urgentReferrals;

    CaseApiController(CaseSummaryService cases, DashboardProperties properties, UrgentReferralService urgentReferrals) {
        this.cases = cases;
        this.properties = properties;
        this.urgentReferrals = urgentReferrals;
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

    /**
     * Acknowledges the case's urgent-referral alert as the calling coordinator (audited); idempotent: a second call
     * answers the same alert, acknowledged by the first caller at the first time, and changes nothing. 404 when the case
     * is unknown or has no urgent referral.
     */
    @PostMapping("/{caseId}/urgent-referral/acknowledge")
    CaseSummaryResponse.AlertResponse acknowledgeUrgentReferral(@PathVariable @Pattern(regexp = ID) String caseId) {
        if (cases.find(caseId).isEmpty()) {
            throw new NotFoundException("No such case");
        }
        return urgentReferrals.acknowledge(Callers.current(), caseId)
                .map(done -> CaseSummaryResponse.AlertResponse.of(done.alert()))
                .orElseThrow(() -> new NotFoundException("No urgent referral for this case"));
    }

    private CaseSummary summary(String caseId) {
        return cases.find(caseId).orElseThrow(() -> new NotFoundException("No such case"));
    }

    /** Identifiers as the services issue them. */
    static final String ID = "[A-Za-z0-9][A-Za-z0-9_.-]{0,99}";
    /** Offset pages go this deep at most; beyond, follow the {@code next} cursor (keyset paging stays fast at any depth). */
    static final int MAX_OFFSET_PAGE = 1000;
}
