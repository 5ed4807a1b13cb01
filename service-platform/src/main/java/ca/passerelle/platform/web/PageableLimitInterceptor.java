package ca.passerelle.platform.web;

import java.util.Arrays;

import org.springframework.data.domain.Pageable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, before the controller runs, a request to a handler taking a {@link Pageable} whose page or size parameter
 * is out of bounds or not a number. Spring Data's resolver would clamp a large size to its maximum and ignore a
 * malformed one; a client asking for more than it may have is told so instead (400).
 */
final class PageableLimitInterceptor implements HandlerInterceptor {

    private final PageRequests pages;
    private final String pageParameter;
    private final String sizeParameter;

    PageableLimitInterceptor(PageRequests pages, String pageParameter, String sizeParameter) {
        this.pages = pages;
        this.pageParameter = pageParameter;
        this.sizeParameter = sizeParameter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && takesPageable(method)) {
            pages.check(number(request.getParameter(pageParameter), 0), number(request.getParameter(sizeParameter), 1));
        }
        return true;
    }

    private static boolean takesPageable(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters()).anyMatch(p -> Pageable.class.isAssignableFrom(p.getParameterType()));
    }

    /** The parameter as a number; absent is the given default, anything else out of range (-1). */
    private static long number(String value, long absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
