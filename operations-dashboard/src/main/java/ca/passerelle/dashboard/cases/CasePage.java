package ca.passerelle.dashboard.cases;

import java.util.List;

/** One page of case summaries and how many cases match in all. */
public record CasePage(List<CaseSummary> items, int page, int size, long total) {

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
        return (long) (page + 1) * size < total;
    }
}
