package ca.passerelle.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

class CaseIdLoggingTest {

    private final CaseIdLogging interceptor = new CaseIdLogging();
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void namesTheCaseOfTheRouteInTheLogsWhileTheRequestIsHandled() {
        MockHttpServletRequest request = withVariables(Map.of("caseId", "c-8e2d1c1a-0b6e-4b43-9a55-2f8b1de3c0aa", "alertId", "a-1"));

        interceptor.preHandle(request, response, new Object());
        assertThat(MDC.get("caseId")).isEqualTo("c-8e2d1c1a-0b6e-4b43-9a55-2f8b1de3c0aa");
        assertThat(MDC.get("alertId")).isNull();

        interceptor.afterCompletion(request, response, new Object(), null);
        assertThat(MDC.get("caseId")).isNull();
    }

    @Test
    void leavesOutAPathValueThatIsNotShapedLikeAnId() {
        MockHttpServletRequest request = withVariables(Map.of("caseId", "Marie Tremblay 1958-03-02"));

        interceptor.preHandle(request, response, new Object());

        assertThat(MDC.get("caseId")).isNull();
    }

    @Test
    void restoresTheCaseAlreadyInTheLogContext() {
        MDC.put("caseId", "c-outer");
        MockHttpServletRequest request = withVariables(Map.of("caseId", "c-inner"));

        interceptor.preHandle(request, response, new Object());
        assertThat(MDC.get("caseId")).isEqualTo("c-inner");
        interceptor.afterCompletion(request, response, new Object(), null);

        assertThat(MDC.get("caseId")).isEqualTo("c-outer");
    }

    @Test
    void ignoresRoutesWithoutACaseId() {
        interceptor.preHandle(withVariables(Map.of("recordId", "r-1")), response, new Object());
        interceptor.preHandle(new MockHttpServletRequest(), response, new Object());

        assertThat(MDC.get("caseId")).isNull();
    }

    private static MockHttpServletRequest withVariables(Map<String, String> variables) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, variables);
        return request;
    }
}
