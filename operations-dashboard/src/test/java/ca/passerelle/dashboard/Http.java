package ca.passerelle.dashboard;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import ca.passerelle.events.EventCodec;
import tools.jackson.databind.JsonNode;

/** Test helper: plain HTTP calls to the running dashboard that hand back every status, error or not. */
public final class Http {

    private final RestClient client;

    public Http(int port) {
        this.client = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    public ResponseEntity<String> get(String path) {
        return client.get().uri(path).retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> get(String path, String cookie) {
        return client.get().uri(path).header(HttpHeaders.COOKIE, cookie).retrieve().toEntity(String.class);
    }

    public JsonNode json(String path) {
        ResponseEntity<String> response = get(path);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError(path + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return EventCodec.mapper().readTree(response.getBody());
    }
}
