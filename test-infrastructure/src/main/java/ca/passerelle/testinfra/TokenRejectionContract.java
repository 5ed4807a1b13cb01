package ca.passerelle.testinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The token checks every service must pass, written once: a service's test extends this with one protected route and
 * a valid token for it. Missing, expired, wrong-issuer, wrong-audience, unsigned, key-confused and foreign-signed
 * tokens are all 401 with a problem+json body; the valid token is not.
 */
public abstract class TokenRejectionContract {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A protected route of the service under test, answered with something other than 401 for a valid token. */
    protected abstract URI protectedRoute();

    /** A token that the route accepts. */
    protected abstract String validToken();

    @Test
    void refusesARequestWithoutToken() throws Exception {
        HttpResponse<String> response = get(null);
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void refusesEveryForgedOrInvalidToken() throws Exception {
        for (Map.Entry<String, String> forgery : TestTokens.forgeries().entrySet()) {
            HttpResponse<String> response = get(forgery.getValue());
            assertEquals(401, response.statusCode(), forgery.getKey() + " must be refused");
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), forgery.getKey());
        }
    }

    @Test
    void acceptsAValidToken() throws Exception {
        int status = get(validToken()).statusCode();
        assertTrue(status != 401 && status != 403, "a valid token was answered " + status);
    }

    private HttpResponse<String> get(String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(protectedRoute()).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
