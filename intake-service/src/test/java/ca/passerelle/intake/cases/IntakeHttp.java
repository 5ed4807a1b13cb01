package ca.passerelle.intake.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ca.passerelle.events.Topics;
import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What intake's integration tests share: the running service on a random port, the real broker, and plain HTTP with a
 * bearer token (by default the Laval clinic's, the referring clinic of the golden request).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
abstract class IntakeHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    /** This test's patient number (JUnit makes one instance per test), so that tests never share an open case. */
    final String ramq = CaseRequests.anotherRamqOfMarie();

    static final String LAVAL = "clinic-qc-laval-01";
    static final String MONTREAL = "clinic-qc-montreal-01";

    /** The golden request with this test's RAMQ number. */
    ObjectNode aCase() {
        return CaseRequests.golden(ramq);
    }

    /** This test's RAMQ number as stored: no spaces. */
    String ramqNormalised() {
        return ramq.replace(" ", "");
    }

    HttpResponse<String> postCase(JsonNode body, String idempotencyKey, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/cases"))
                .header("Authorization", TestTokens.bearer(token))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    HttpResponse<String> postCase(JsonNode body, String idempotencyKey) {
        return postCase(body, idempotencyKey, TestTokens.clinic(LAVAL));
    }

    HttpResponse<String> postCase(JsonNode body) {
        return postCase(body, null);
    }

    /** A JSON request to any path, with an optional Idempotency-Key. */
    HttpResponse<String> send(String method, String path, String body, String idempotencyKey, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", TestTokens.bearer(token))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    /** Raw bytes as a JSON body: for bodies that are not JSON at all. */
    HttpResponse<String> sendBytes(String method, String path, byte[] body, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", TestTokens.bearer(token))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    HttpResponse<String> post(String path, JsonNode body, String idempotencyKey, String token) {
        return send("POST", path, body.toString(), idempotencyKey, token);
    }

    HttpResponse<String> post(String path, JsonNode body) {
        return post(path, body, null, TestTokens.clinic(LAVAL));
    }

    /** A multipart upload of one file part (with the file name and content type given) and a {@code kind} field. */
    HttpResponse<String> upload(String path, byte[] content, String fileName, String partType, String kind, String token) {
        return upload(path, content, fileName, partType, kind, token, null);
    }

    HttpResponse<String> upload(String path, byte[] content, String fileName, String partType, String kind, String token,
            String idempotencyKey) {
        String boundary = "passerelle-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + partType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", TestTokens.bearer(token))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    /** A POST of raw bytes with the content type given: for bodies that are not what they claim to be. */
    HttpResponse<String> postRaw(String path, byte[] body, String contentType, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", TestTokens.bearer(token)).header("Content-Type", contentType)
                .header("Accept", "application/json, application/problem+json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    HttpResponse<byte[]> download(String path, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", TestTokens.bearer(token)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens this test's case at the Laval clinic and answers its id. */
    String openedCase() {
        HttpResponse<String> response = postCase(aCase());
        if (response.statusCode() != 201) {
            throw new AssertionError("case not opened: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("caseId").asString();
    }

    /** Every record on every topic of the broker (Kafka's internal topics aside). */
    List<ConsumerRecord<String, byte[]>> recordsOnEveryTopic() {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.of("bootstrap.servers", kafka))) {
            java.util.Set<String> topics = admin.listTopics().names().get(10, java.util.concurrent.TimeUnit.SECONDS);
            return topics.stream().filter(topic -> !topic.startsWith("__")).sorted()
                    .flatMap(topic -> TopicProbe.readAll(kafka, topic).stream()).toList();
        } catch (Exception e) {
            throw new IllegalStateException("could not list the broker's topics", e);
        }
    }

    HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", TestTokens.bearer(token))
                .header("Accept", "application/json, application/problem+json").GET().build());
    }

    HttpResponse<String> get(String path) {
        return get(path, TestTokens.clinic(LAVAL));
    }

    static JsonNode json(HttpResponse<String> response) {
        return CaseRequests.JSON.readTree(response.body());
    }

    static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    List<ConsumerRecord<String, byte[]>> intakeEventsFor(String caseId) {
        return TopicProbe.readAll(kafka, Topics.INTAKE, record -> caseId.equals(record.key()));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
