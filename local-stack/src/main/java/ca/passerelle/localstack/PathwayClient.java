package ca.passerelle.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives cases through the running services' public HTTP APIs, as a clinic, a specialist and a hospital would. */
public final class PathwayClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final java.security.SecureRandom SPAN_IDS = new java.security.SecureRandom();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final LocalStack stack;
    private final Actors actors;
    /** The trace every request continues (W3C {@code traceparent}), or null: each request starts its own. */
    private final String traceId;

    public PathwayClient(LocalStack stack) {
        this(stack, new Actors(new IdentityProviderClient(stack.issuer())), null);
    }

    private PathwayClient(LocalStack stack, Actors actors, String traceId) {
        this.stack = stack;
        this.actors = actors;
        this.traceId = traceId;
    }

    /**
     * The same actors, every request of whom continues the trace {@code traceId} (32 lower-case hex digits): a
     * {@code traceparent} header with that trace and a new span id, as a clinic's or hospital's traced system would send.
     */
    public PathwayClient inTrace(String traceId) {
        if (traceId == null || !traceId.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("a W3C trace id is 32 lower-case hex digits");
        }
        return new PathwayClient(stack, actors, traceId);
    }

    /** A clinic opens a case; returns the answer (caseId, status, odiPercent, ramqWarnings). */
    public JsonNode openCase(String body, String idempotencyKey) {
        return send("POST", Component.INTAKE, "/api/cases", body, idempotencyKey, 201, actors.clinic(Actors.DEMO_CLINIC));
    }

    public Optional<JsonNode> assessment(String caseId) {
        return find(Component.ASSESSMENT, "/api/assessments/" + caseId, actors.coordinator());
    }

    JsonNode evaluate(String caseId, String decision, String cause, String rationale) {
        String body = JSON.createObjectNode().put("decision", decision).put("rationale", rationale)
                .set("probableCauses", JSON.createArrayNode().add(cause)).toString();
        return send("POST", Component.ASSESSMENT, "/api/assessments/" + caseId + "/evaluation", body, null, 200, actors.specialist());
    }

    Optional<JsonNode> booking(String caseId) {
        return find(Component.TRAVEL, "/api/bookings/" + caseId, actors.coordinator());
    }

    /** The partner hospital confirms its appointment. */
    JsonNode confirmAppointment(String hospitalId, String appointmentId) {
        return send("POST", Component.TRAVEL, "/api/hospital/appointments/" + appointmentId + "/confirmation", "{}", null, 200,
                actors.hospital(hospitalId));
    }

    /** The partner hospital declines the slot held for it; the saga offers the next hospital. */
    JsonNode declineAppointment(String hospitalId, String appointmentId) {
        String body = JSON.createObjectNode().put("reason", "Bloc opératoire indisponible").toString();
        return send("POST", Component.TRAVEL, "/api/hospital/appointments/" + appointmentId + "/decline", body, null, 200,
                actors.hospital(hospitalId));
    }

    /** The coordinator cancels the scheduling of a case: holds released, hospital told, travel cancelled. */
    JsonNode cancelBooking(String caseId) {
        return send("POST", Component.TRAVEL, "/api/bookings/" + caseId + "/cancel", "{}", null, 200, actors.coordinator());
    }

    /** The holds the external facility-availability API (the simulator) keeps for a case, whatever their status. */
    List<JsonNode> simulatorHolds(String caseId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.baseUrl(Component.FACILITY_API_SIMULATOR) + "/v1/holds"))
                .timeout(Duration.ofSeconds(15)).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            check(response, 200, "GET /v1/holds");
            List<JsonNode> holds = new java.util.ArrayList<>();
            JSON.readTree(response.body()).forEach(hold -> {
                if (caseId.equals(hold.path("reference").asString())) {
                    holds.add(hold);
                }
            });
            return holds;
        } catch (IOException e) {
            throw new IllegalStateException("GET /v1/holds failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The partner hospital moves its booked surgery to another date. */
    JsonNode rescheduleAppointment(String hospitalId, String appointmentId, String surgeryOn) {
        String body = JSON.createObjectNode().put("surgeryOn", surgeryOn).toString();
        return send("POST", Component.TRAVEL, "/api/hospital/appointments/" + appointmentId + "/reschedule", body, null, 200,
                actors.hospital(hospitalId));
    }

    /** The partner hospital reports the surgery done. */
    JsonNode completeSurgery(String hospitalId, String appointmentId, String performedOn, String dischargedOn) {
        String body = JSON.createObjectNode().put("performedOn", performedOn).put("dischargedOn", dischargedOn)
                .put("outcome", "COMPLETED_AS_PLANNED").toString();
        return send("POST", Component.TRAVEL, "/api/hospital/appointments/" + appointmentId + "/completion", body, null, 200,
                actors.hospital(hospitalId));
    }

    Optional<JsonNode> rehabPlan(String caseId) {
        return find(Component.REHAB, "/api/rehab-plans/" + caseId, actors.coordinator());
    }

    /** The rehabilitation clinic assigned to the case posts a follow-up report (NRS, the ten ODI section scores). */
    JsonNode postFollowUp(String rehabClinicId, String caseId, String assessedOn, int painNrs, int[] odiSectionScores) {
        tools.jackson.databind.node.ObjectNode body = JSON.createObjectNode().put("assessedOn", assessedOn).put("painNrs", painNrs)
                .put("complications", false).put("adherence", "PARTIAL");
        tools.jackson.databind.node.ArrayNode odi = body.putArray("odiSectionScores");
        for (int score : odiSectionScores) {
            odi.add(score);
        }
        return send("POST", Component.REHAB, "/api/cases/" + caseId + "/follow-ups", body.toString(), null, 201, actors.clinic(rehabClinicId));
    }

    Optional<JsonNode> followUps(String caseId) {
        return find(Component.REHAB, "/api/cases/" + caseId + "/follow-ups", actors.coordinator());
    }

    Optional<JsonNode> dashboardCase(String caseId) {
        return find(Component.DASHBOARD, "/api/cases/" + caseId, actors.coordinator());
    }

    /** The case's timeline as the operations dashboard has projected it (empty until the dashboard knows the case). */
    public Optional<JsonNode> dashboardTimeline(String caseId) {
        return find(Component.DASHBOARD, "/api/cases/" + caseId + "/timeline", actors.coordinator());
    }

    JsonNode dashboardCases() {
        return send("GET", Component.DASHBOARD, "/api/cases?size=50", null, null, 200, actors.coordinator());
    }

    /** A coordinator reads a case at intake (identifiers in clear, audited); the raw answer, whatever its status. */
    HttpResponse<String> intakeCase(String caseId) {
        return exchange("GET", Component.INTAKE, "/api/cases/" + caseId, null, null, actors.coordinator());
    }

    /** A coordinator's GET of any path of a component; the raw answer, whatever its status. */
    HttpResponse<String> getAsCoordinator(Component component, String path) {
        return exchange("GET", component, path, null, null, actors.coordinator());
    }

    /** What the monitoring system scrapes from one component: its Prometheus exposition, as text. */
    public String metrics(Component component) {
        HttpResponse<String> response = exchange("GET", component, "/actuator/prometheus", null, null, actors.operator(), "text/plain");
        check(response, 200, "GET /actuator/prometheus of " + component);
        return response.body();
    }

    /** Waits until the resource exists and satisfies the condition, and returns it. */
    public static JsonNode await(String what, Supplier<Optional<JsonNode>> resource, Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<JsonNode> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            last = resource.get();
            if (last.isPresent() && condition.test(last.get())) {
                return last.get();
            }
            LocalStack.pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException("timed out after " + timeout + " waiting for " + what + "; last seen: "
                + last.map(JsonNode::toString).orElse("nothing"));
    }

    static Predicate<JsonNode> field(String name, String value) {
        return node -> value.equals(node.path(name).asString());
    }

    private Optional<JsonNode> find(Component component, String path, String token) {
        HttpResponse<String> response = exchange("GET", component, path, null, null, token);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        check(response, 200, "GET " + path);
        return Optional.of(JSON.readTree(response.body()));
    }

    private JsonNode send(String method, Component component, String path, String body, String idempotencyKey, int expected, String token) {
        HttpResponse<String> response = exchange(method, component, path, body, idempotencyKey, token);
        check(response, expected, method + " " + path);
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private HttpResponse<String> exchange(String method, Component component, String path, String body, String idempotencyKey, String token) {
        return exchange(method, component, path, body, idempotencyKey, token, "application/json");
    }

    private HttpResponse<String> exchange(String method, Component component, String path, String body, String idempotencyKey, String token,
            String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.baseUrl(component) + path))
                .timeout(Duration.ofSeconds(15)).header("Accept", accept).header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (traceId != null) {
            request.header("traceparent", "00-" + traceId + "-" + String.format("%016x", SPAN_IDS.nextLong() | 1L) + "-01");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(HttpResponse<String> response, int expected, String call) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(call + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
