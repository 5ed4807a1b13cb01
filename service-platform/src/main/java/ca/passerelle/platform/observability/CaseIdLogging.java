package ca.passerelle.platform.observability;

import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import ca.passerelle.platform.messaging.EventRouter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts the {@code {caseId}} path variable of an HTTP request in the logging MDC ({@value EventRouter#CASE_ID}) while
 * the handler runs, like {@link EventRouter} does for consumed events. Only a value shaped like an opaque id is taken
 * (letters, digits, {@code -_.:}, at most 64), so nothing typed into a URL by mistake reaches the logs.
 */
class CaseIdLogging implements HandlerInterceptor {

    static final String PATH_VARIABLE = "caseId";

    private static final Pattern OPAQUE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final String PREVIOUS = CaseIdLogging.class.getName() + ".previous";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get(PATH_VARIABLE) instanceof String caseId && OPAQUE_ID.matcher(caseId).matches()) {
            String previous = MDC.get(EventRouter.CASE_ID);
            if (previous != null) {
                request.setAttribute(PREVIOUS, previous);
            }
            MDC.put(EventRouter.CASE_ID, caseId);
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (request.getAttribute(PREVIOUS) instanceof String previous) {
            MDC.put(EventRouter.CASE_ID, previous);
        } else {
            MDC.remove(EventRouter.CASE_ID);
        }
    }
}
