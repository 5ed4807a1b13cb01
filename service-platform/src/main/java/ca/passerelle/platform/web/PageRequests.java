package ca.passerelle.platform.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Page requests within {@code passerelle.http.max-page-size}: a page size above it, below one, or a negative page
 * number is refused with {@link InvalidPageRequestException} (400), never silently clamped. Inject it where a
 * controller takes {@code page} and {@code size} as plain parameters; {@code Pageable} parameters are checked by
 * the platform before the controller runs.
 */
public final class PageRequests {

    private final int maxPageSize;

    public PageRequests(int maxPageSize) {
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("the maximum page size is at least 1");
        }
        this.maxPageSize = maxPageSize;
    }

    public int maxPageSize() {
        return maxPageSize;
    }

    public PageRequest of(int page, int size) {
        return of(page, size, Sort.unsorted());
    }

    public PageRequest of(int page, int size, Sort sort) {
        check(page, size);
        return PageRequest.of(page, size, sort);
    }

    /** Throws {@link InvalidPageRequestException} unless {@code 0 <= page} and {@code 1 <= size <= max}. */
    public void check(long page, long size) {
        if (page < 0 || size < 1 || size > maxPageSize) {
            throw new InvalidPageRequestException(maxPageSize);
        }
    }
}
