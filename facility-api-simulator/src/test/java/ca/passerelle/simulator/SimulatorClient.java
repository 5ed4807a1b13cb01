package ca.passerelle.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running simulator, as an outside caller sees it. */
public final class SimulatorClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final JsonMapper json;

    public SimulatorClient(int port, JsonMapper json) {
        this.base = "http://localhost:" + port;
        this.json = json;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> put(String path, String body) {
        return send(request(path).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    public JsonNode json(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** The first slot of the facility that nobody holds yet. */
    public String availableSlot(String facilityId) {
        for (JsonNode slot : json(get("/v1/facilities/" + facilityId + "/slots"))) {
            if ("AVAILABLE".equals(slot.get("status").asString())) {
                return slot.get("slotId").asString();
            }
        }
        throw new IllegalStateException("No available slot left at " + facilityId);
    }

    /** The status the slot list shows for one slot. */
    public String slotStatus(String facilityId, String slotId) {
        for (JsonNode slot : json(get("/v1/facilities/" + facilityId + "/slots"))) {
            if (slotId.equals(slot.get("slotId").asString())) {
                return slot.get("status").asString();
            }
        }
        throw new IllegalStateException("No slot " + slotId + " at " + facilityId);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
