package ca.passerelle.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.events.EventCodec;
import tools.jackson.databind.JsonNode;

/**
 * An illegal argument is the request's fault (400 problem+json), but only an {@link InvalidInputException}, whose
 * message is written for the client, has its message repeated: any other one (the JDK's, a library's, a developer's
 * check) gets a generic detail, so neither the value sent nor an internal name leaves the service.
 */
class ProblemDetailsAdviceTest {

    private static final String SENT = "TREM55010199";

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Refusals()).setControllerAdvice(new ProblemDetailsAdvice()).build();

    @Test
    void givesTheMessageOfAnInvalidInputWrittenForTheClient() throws Exception {
        JsonNode problem = problem("/invalid-input", 400);

        assertThat(problem.path("type").asString()).isEqualTo("https://passerelle.ca/problems/invalid-value");
        assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
        assertThat(problem.path("detail").asString()).isEqualTo("painNrs must be between 0 and 10");
    }

    @Test
    void keepsTheMessageOfAnyOtherIllegalArgumentToItself() throws Exception {
        for (String path : new String[] {"/library-refusal?id=" + SENT, "/internal-check?id=" + SENT}) {
            MockHttpServletResponse response = response(path, 400);
            JsonNode problem = EventCodec.mapper().readTree(response.getContentAsString());

            assertThat(problem.path("type").asString()).as(path).isEqualTo("https://passerelle.ca/problems/invalid-value");
            assertThat(problem.path("detail").asString()).as(path).isEqualTo(ProblemDetailsAdvice.INVALID_VALUE_DETAIL);
            assertThat(response.getContentAsString()).as(path).doesNotContain(SENT).doesNotContain("UUID").doesNotContain("patients.ramq");
        }
    }

    @Test
    void answersAnUnexpectedFailureWithoutItsMessage() throws Exception {
        MockHttpServletResponse response = response("/unexpected", 500);

        assertThat(EventCodec.mapper().readTree(response.getContentAsString()).path("type").asString())
                .isEqualTo("https://passerelle.ca/problems/internal-error");
        assertThat(response.getContentAsString()).doesNotContain("connection pool");
    }

    private JsonNode problem(String path, int status) throws Exception {
        return EventCodec.mapper().readTree(response(path, status).getContentAsString());
    }

    private MockHttpServletResponse response(String path, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get(path).accept(MediaType.APPLICATION_JSON,
                MediaType.APPLICATION_PROBLEM_JSON)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        return response;
    }

    @RestController
    static class Refusals {

        @GetMapping("/invalid-input")
        String invalidInput() {
            throw new InvalidInputException("painNrs must be between 0 and 10");
        }

        /** The JDK's message quotes the value: "Invalid UUID string: …". */
        @GetMapping("/library-refusal")
        String libraryRefusal(@RequestParam String id) {
            return UUID.fromString(id).toString();
        }

        @GetMapping("/internal-check")
        String internalCheck(@RequestParam String id) {
            throw new IllegalArgumentException("no document in patients.ramq for " + id);
        }

        @GetMapping("/unexpected")
        String unexpected() {
            throw new IllegalStateException("connection pool exhausted");
        }
    }
}
