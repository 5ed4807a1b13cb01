package ca.passerelle.dashboard.cases.web;

import java.util.List;

import ca.passerelle.dashboard.cases.CasePage;
import ca.passerelle.dashboard.cases.SlaPolicy;

/**
 * One page of case summaries with the total number of matching cases.
 *
 * @param next the {@code after} value of the following page, or null on the last page
 */
public record CasePageResponse(List<CaseSummaryResponse> items, int page, int size, long total, String next) {

    static CasePageResponse of(CasePage page, SlaPolicy sla) {
        return new CasePageResponse(page.items().stream().map(summary -> CaseSummaryResponse.of(summary, sla)).toList(),
                page.page(), page.size(), page.total(), page.nextCursor());
    }
}
