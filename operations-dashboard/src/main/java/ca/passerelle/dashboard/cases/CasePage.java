package ca.passerelle.dashboard.cases;

import java.util.List;

/**
 * One page of case summaries and how many cases match in all.
 *
 * @param next the cursor of the following page, or null on the last page
 */
public record CasePage(List<CaseSummary> items, int page, int size, long total, CaseCursor next) {

    public CasePage {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return next != null;
    }

    public String nextCursor() {
        return next == null ? null : next.encode();
    }
}
