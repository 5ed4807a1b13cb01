package ca.passerelle.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;

/**
 * The input limits of issue #3 on a real server: request-size cap (declared and chunked bodies, per-route override),
 * page-size cap (refused, not clamped), validation answers that never echo what was sent. The test application is
 * {@code GuardedTestApplication}; src/test/resources/application.properties gives {@code POST /api/uploads/{name}} a
 * 1536 KiB cap, everything else has the default 1 MiB.
 */
@SpringBootTest(classes = GuardedTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.application.name=guarded-test")
@RealInfrastructure
class InputLimitsIT {

    private static final int MIB = 1024 * 1024;
    private static final String CANARY = "CANARY-Zq9X-Tremblay";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refusesADeclaredBodyBeyondTheDefaultCapWith413BeforeAuthentication() throws Exception {
        byte[] body = json(MIB + 1);

        HttpResponse<String> anonymous = send(post("/api/notes", null).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        HttpResponse<String> coordinator = send(post("/api/notes", TestTokens.coordinator()).POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        for (HttpResponse<String> response : java.util.List.of(anonymous, coordinator)) {
            assertTooLarge(response, MIB);
        }
    }

    @Test
    void acceptsABodyAtTheCap() throws Exception {
        HttpResponse<String> response = send(post("/api/uploads/scan.pdf", TestTokens.coordinator())
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[MIB])));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"bytes\":" + MIB);
    }

    @Test
    void refusesAChunkedBodyThatGrowsBeyondTheCapWhileBeingRead() throws Exception {
        byte[] body = json(MIB + 4096);

        HttpResponse<String> response = send(post("/api/notes", TestTokens.coordinator())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertTooLarge(response, MIB);
    }

    @Test
    void appliesTheOverrideOfARouteToDeclaredAndChunkedBodies() throws Exception {
        int override = 1536 * 1024;
        HttpResponse<String> aboveDefault = send(post("/api/uploads/scan.pdf", TestTokens.coordinator())
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[MIB + MIB / 4])));
        HttpResponse<String> declaredAbove = send(post("/api/uploads/scan.pdf", TestTokens.coordinator())
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[override + 1])));
        byte[] chunked = new byte[override + 8192];
        HttpResponse<String> chunkedAbove = send(post("/api/uploads/scan.pdf", TestTokens.coordinator())
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked))));

        assertThat(aboveDefault.statusCode()).isEqualTo(200);
        assertThat(aboveDefault.body()).contains("\"bytes\":" + (MIB + MIB / 4));
        assertTooLarge(declaredAbove, override);
        assertTooLarge(chunkedAbove, override);
    }

    @Test
    void answersAMultipartFileBeyondTheContainersLimitWithTheSame413Problem() throws Exception {
        HttpResponse<String> small = send(multipart(new byte[100 * 1024]));
        HttpResponse<String> large = send(multipart(new byte[300 * 1024]));

        assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
        assertThat(small.body()).contains("\"bytes\":" + 100 * 1024);
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(large.body()).contains("https://passerelle.ca/problems/request-too-large").doesNotContain(CANARY);
    }

    private HttpRequest.Builder multipart(byte[] content) {
        String boundary = "passerelle-boundary-7d1f";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + CANARY
                + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return HttpRequest.newBuilder(uri("/api/documents"))
                .header("Authorization", TestTokens.bearer(TestTokens.coordinator()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    @Test
    void refusesAPageableBeyondTheMaximumInsteadOfClampingIt() throws Exception {
        assertThat(get("/api/pages?page=2&size=100").body()).contains("\"size\":100").contains("\"page\":2");
        assertThat(get("/api/pages").statusCode()).isEqualTo(200);
        for (String query : new String[] {"size=101", "size=5000", "size=-1", "size=0", "page=-1", "size=" + CANARY}) {
            HttpResponse<String> response = get("/api/pages?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.body()).as(query).contains("invalid-page").contains("between 1 and 100").doesNotContain(CANARY);
        }
    }

    @Test
    void refusesPlainPageParametersBeyondTheMaximumThroughPageRequests() throws Exception {
        assertThat(get("/api/plain-pages?page=1&size=100").body()).contains("\"size\":100");
        assertThat(get("/api/plain-pages?size=101").statusCode()).isEqualTo(400);
        assertThat(get("/api/plain-pages?page=-3").statusCode()).isEqualTo(400);
        assertThat(get("/api/plain-pages?size=101").body()).contains("invalid-page");
    }

    @Test
    void answersValidationFailuresWithoutEchoingTheRejectedValues() throws Exception {
        HttpResponse<String> pattern = postJson("/api/notes", "{\"code\":\"" + CANARY + "\",\"ageYears\":98765}");
        HttpResponse<String> wrongType = postJson("/api/notes", "{\"code\":\"abc\",\"ageYears\":\"" + CANARY + "\"}");
        HttpResponse<String> malformed = postJson("/api/notes", "{\"code\":\"" + CANARY + "\",");
        HttpResponse<String> pathType = get("/api/numbers/" + CANARY + "?count=1");
        HttpResponse<String> queryType = get("/api/numbers/" + java.util.UUID.randomUUID() + "?count=" + CANARY);
        HttpResponse<String> bound = get("/api/form?count=" + CANARY);

        assertThat(pattern.statusCode()).isEqualTo(400);
        assertThat(pattern.body()).contains("validation-failed").contains("\"field\":\"code\"").contains("\"field\":\"ageYears\"")
                .doesNotContain("98765");
        for (HttpResponse<String> response : java.util.List.of(pattern, wrongType, malformed, pathType, queryType, bound)) {
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(response.uri().toString()).doesNotContain(CANARY).doesNotContain("Zq9X");
        }
    }

    private static void assertTooLarge(HttpResponse<String> response, long limit) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"https://passerelle.ca/problems/request-too-large\"")
                .contains("\"title\":\"Request too large\"").contains("\"detail\":\"The request body exceeds the " + limit + " bytes")
                .doesNotContain(CANARY).doesNotContain("aaaa");
    }

    /** A JSON note of exactly {@code size} bytes, its code padded with the canary and 'a's. */
    private static byte[] json(int size) {
        String head = "{\"code\":\"" + CANARY;
        String tail = "\",\"ageYears\":1}";
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        System.arraycopy(head.getBytes(StandardCharsets.UTF_8), 0, body, 0, head.length());
        System.arraycopy(tail.getBytes(StandardCharsets.UTF_8), 0, body, size - tail.length(), tail.length());
        return body;
    }

    private HttpResponse<String> postJson(String path, String json) throws Exception {
        return send(post(path, TestTokens.coordinator()).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder post(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return request;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", TestTokens.bearer(TestTokens.coordinator())).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
