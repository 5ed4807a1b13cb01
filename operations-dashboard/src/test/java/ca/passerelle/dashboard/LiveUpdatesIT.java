package ca.passerelle.dashboard;

import static ca.passerelle.events.EventCatalog.CASE_OPENED;
import static ca.passerelle.events.EventCatalog.CONSERVATIVE_CARE_VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.testinfra.TopicProbe;

/**
 * Live updates: {@code GET /live} streams a small server-sent event {@code changed} each time an event is projected
 * (the pseudonymous case id, nothing else); the pages load htmx from its WebJar and the live script, and mark what the
 * script refreshes.
 */
@DashboardIntegrationTest
class LiveUpdatesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    WebApplicationContext context;
    private MockMvc browser;

    @BeforeEach
    void setUp() {
        browser = Browser.of(context);
    }

    @Test
    void emitsAChangedEventForEachProjectedCaseEvent() throws Exception {
        MvcResult stream = browser.perform(get("/live").with(Browser.coordinator())).andReturn();
        assertThat(stream.getRequest().isAsyncStarted()).isTrue();
        MockHttpServletResponse response = stream.getResponse();
        assertThat(response.getContentType()).startsWith("text/event-stream");

        CaseEvents patient = CaseEvents.forNewCase();
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(patient.caseId());
        send(patient.event(CASE_OPENED, Instant.now().minusSeconds(60)));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("event:changed\ndata:{\"what\":\"case\",\"caseId\":\"" + patient.caseId() + "\"}"));
        int afterOpening = occurrences(response.getContentAsString(StandardCharsets.UTF_8), patient.caseId());

        send(patient.event(CONSERVATIVE_CARE_VERIFIED, Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(occurrences(response.getContentAsString(StandardCharsets.UTF_8), patient.caseId())).isGreaterThan(afterOpening));
        // no PHI on the stream: every event says only the kind of change and the case id
        assertThat(response.getContentAsString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("data:")).toList())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches("data:\\{\"what\":\"(case|dead-letter|facility)\"(,\"caseId\":(null|\"[A-Za-z0-9_-]+\"))?}"));
    }

    @Test
    void theStreamIsForCoordinatorsOnly() throws Exception {
        assertThat(browser.perform(get("/live").with(Browser.signedIn("someone", "SPECIALIST"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(browser.perform(get("/live")).andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    @Test
    void pagesLoadHtmxAndTheLiveScriptAndMarkTheirLiveRegion() throws Exception {
        String overview = browser.perform(get("/").with(Browser.coordinator())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(overview).contains("<script src=\"/webjars/htmx.org/dist/htmx.min.js\" defer></script>",
                "<script src=\"/js/live.js\" defer></script>", "<main id=\"main\" data-live=\"/live\">",
                "Cette page se met à jour d’elle-même.");
        assertThat(browser.perform(get("/cases").with(Browser.coordinator())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("data-live=\"/live\"");

        MockHttpServletResponse htmx = browser.perform(get("/webjars/htmx.org/dist/htmx.min.js").with(Browser.coordinator()))
                .andReturn().getResponse();
        assertThat(htmx.getStatus()).isEqualTo(200);
        assertThat(htmx.getContentAsString(StandardCharsets.UTF_8)).contains("htmx");
        MockHttpServletResponse live = browser.perform(get("/js/live.js").with(Browser.coordinator())).andReturn().getResponse();
        assertThat(live.getStatus()).isEqualTo(200);
        assertThat(live.getContentAsString(StandardCharsets.UTF_8)).contains("new EventSource", "htmx.ajax");
        assertThat(browser.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private void send(EventEnvelope envelope) {
        TopicProbe.send(kafka, EventCatalog.byName(envelope.type()).orElseThrow().topic(), envelope.subject(), EventCodec.write(envelope));
    }
}
