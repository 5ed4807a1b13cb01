package ca.passerelle.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * No PHI in trace attributes: a patient's name sent in a query parameter, a header, a JSON body that fails validation
 * and an uploaded body reaches none of the spans the service exports (names, attributes, events), while the spans of
 * those requests are exported (by route template).
 */
@SpringBootTest(classes = {GuardedTestApplication.class, TraceAttributesIT.CapturedSpans.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.application.name=guarded-test")
@RealInfrastructure
class TraceAttributesIT {

    private static final String CANARY = "Zephyrine-Quatremain";

    @LocalServerPort
    int port;
    @Autowired
    SdkTracerProvider tracerProvider;
    @Autowired
    SpanCapture captured;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void exportsSpansOfTheRequestsWithoutThePatientsNameAnywhere() throws Exception {
        assertThat(send("GET", "/api/whoami?clinicId=" + CANARY, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/notes", "{\"code\":\"" + CANARY + "\",\"ageYears\":999}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/uploads/scan", "{\"familyName\":\"" + CANARY + "\"}").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/records/r-" + java.util.UUID.randomUUID(), null).statusCode()).isEqualTo(200);

        assertThat(tracerProvider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        List<String> exported = new ArrayList<>();
        for (SpanData span : captured.spans) {
            StringBuilder text = new StringBuilder(span.getName()).append(' ').append(span.getAttributes());
            span.getEvents().forEach(event -> text.append(' ').append(event.getName()).append(' ').append(event.getAttributes()));
            exported.add(text.toString());
        }
        assertThat(exported).as("the requests' spans were exported")
                .anyMatch(span -> span.contains("/api/notes")).anyMatch(span -> span.contains("/api/whoami"));
        assertThat(exported).as("spans naming the patient").noneMatch(span -> span.contains(CANARY) || span.contains("Zephyrine"));
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestTokens.bearer(TestTokens.coordinator()))
                .header("X-Patient-Name", CANARY)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class CapturedSpans {

        @Bean
        SpanCapture capturingSpanExporter() {
            return new SpanCapture();
        }
    }

    /** Every span the service exports, as the OTLP exporter would receive it. */
    static class SpanCapture implements SpanExporter {

        final List<SpanData> spans = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
