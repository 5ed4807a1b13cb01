package ca.passerelle.rehab.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import ca.passerelle.events.EventCodec;
import ca.passerelle.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/** Calls the service under test over real HTTP with a bearer token, and keeps whatever it answered. */
final class PlanApi {

    private final RestClient http;

    PlanApi(int port) {
        this.http = RestClient.create("http://localhost:" + port);
    }

    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            return EventCodec.mapper().readTree(body);
        }
    }

    Answer plan(String caseId, String token) {
        return get("/api/rehab-plans/" + caseId, token);
    }

    Answer post(String path, String token, String json) {
        return post(path, token, null, json);
    }

    /** A POST with an {@code Idempotency-Key} (none when null). */
    Answer post(String path, String token, String idempotencyKey, String json) {
        return http.post().uri(path)
                .headers(headers -> {
                    if (token != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
                    }
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .exchange((request, response) -> {
                    try {
                        return new Answer(response.getStatusCode().value(), String.valueOf(response.getHeaders().getContentType()),
                                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    Answer get(String path, String token) {
        return http.get().uri(path)
                .headers(headers -> {
                    if (token != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
                    }
                })
                .exchange((request, response) -> {
                    try {
                        return new Answer(response.getStatusCode().value(), String.valueOf(response.getHeaders().getContentType()),
                                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }
}
