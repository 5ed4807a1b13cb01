package ca.passerelle.dashboard;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import ca.passerelle.events.EventCodec;
import ca.passerelle.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Test helper: plain HTTP calls to the running dashboard's API that hand back every status, error or not, with a
 * bearer token of the caller the test chose.
 */
public final class Http {

    private final RestClient client;

    private Http(int port, String token) {
        RestClient.Builder builder = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { });
        if (token != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
        }
        this.client = builder.build();
    }

    /** Calls as the coordinator, the one role the dashboard's API serves. */
    public static Http asCoordinator(int port) {
        return new Http(port, TestTokens.coordinator());
    }

    public static Http withToken(int port, String token) {
        return new Http(port, token);
    }

    public static Http anonymous(int port) {
        return new Http(port, null);
    }

    public ResponseEntity<String> get(String path) {
        return client.get().uri(path).retrieve().toEntity(String.class);
    }

    /** A POST without a body (the dashboard's one API action: acknowledging an urgent referral). */
    public ResponseEntity<String> post(String path) {
        return client.post().uri(path).retrieve().toEntity(String.class);
    }

    public JsonNode json(String path) {
        ResponseEntity<String> response = get(path);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError(path + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return EventCodec.mapper().readTree(response.getBody());
    }
}
