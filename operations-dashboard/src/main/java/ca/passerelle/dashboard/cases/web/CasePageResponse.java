package ca.passerelle.dashboard.cases.web;

import java.util.List;

import ca.passerelle.dashboard.cases.CasePage;

/** One page of case summaries with the total number of matching cases. */
public record CasePageResponse(List<CaseSummaryResponse> items, int page, int size, long total) {

    static CasePageResponse of(CasePage page) {
        return new CasePageResponse(page.items().stream().map(CaseSummaryResponse::of).toList(), page.page(), page.size(),
                page.total());
    }
}
