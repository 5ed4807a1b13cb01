package ca.passerelle.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import ca.passerelle.events.EventCodec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test helper: a real headless Chromium (the Debian package's {@code /usr/bin/chromium}, never a downloaded browser)
 * driven over the Chrome DevTools Protocol with the JDK's own WebSocket client — no driver, no extra dependency. One
 * page; navigate, read the visible text, run a script, set a cookie, take a screenshot.
 */
final class HeadlessChromium implements AutoCloseable {

    /** The Debian package's browser, unless {@code -Dpasserelle.chromium=…} names another. */
    static Optional<Path> executable() {
        Path path = Path.of(System.getProperty("passerelle.chromium", "/usr/bin/chromium"));
        return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> output = new ArrayList<>();
    private String sessionId;

    HeadlessChromium(Path executable) throws Exception {
        profile = Files.createTempDirectory("passerelle-chromium-");
        process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--remote-allow-origins=*", "--window-size=1366,900", "--lang=fr-CA", "about:blank")
                .redirectErrorStream(true).start();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    int at = line.indexOf("ws://");
                    if (line.contains("DevTools listening on") && at >= 0) {
                        endpoint.complete(line.substring(at).strip());
                    }
                }
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
            endpoint.completeExceptionally(new IllegalStateException("chromium ended: " + output()));
        }, "chromium-output");
        reader.setDaemon(true);
        reader.start();
        String url = endpoint.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new Listener())
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        String targetId = call("Target.createTarget", Map.of("url", "about:blank"), false).get("targetId").asString();
        sessionId = call("Target.attachToTarget", Map.of("targetId", targetId, "flatten", true), false).get("sessionId").asString();
        call("Page.enable", Map.of());
        call("Network.enable", Map.of());
    }

    /** A cookie for the given origin, as if the site had set it (e.g. a login session). */
    void setCookie(String url, String name, String value) {
        JsonNode result = call("Network.setCookie", Map.of("url", url, "name", name, "value", value, "httpOnly", true));
        if (!result.path("success").asBoolean(true)) {
            throw new IllegalStateException("cookie refused");
        }
    }

    /** The languages the browser asks for ({@code Accept-Language}), e.g. a coordinator's Québec French browser. */
    void acceptLanguage(String languages) {
        call("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", languages)));
    }

    /** Opens the address and waits until the document is loaded. */
    void open(String url) {
        call("Page.navigate", Map.of("url", url));
        waitUntil("document.readyState === 'complete' && document.location.href !== 'about:blank'");
    }

    /** The page's visible text ({@code innerText} of the body). */
    String text() {
        return evaluate("document.body ? document.body.innerText : ''").asString();
    }

    /** Runs a script expression in the page; its value. */
    JsonNode evaluate(String expression) {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until the expression is true in the page. */
    void waitUntil(String expression) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (evaluate("!!(" + expression + ")").asBoolean()) {
                    return;
                }
            } catch (IllegalStateException e) {
                // navigating: the context is being replaced
            }
            sleep(100);
        }
        throw new AssertionError("never true: " + expression + "; page text: " + safeText());
    }

    /** Waits until the visible text satisfies the condition; the text then. */
    String waitForText(Predicate<String> condition, String description) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            text = safeText();
            if (condition.test(text)) {
                return text;
            }
            sleep(150);
        }
        throw new AssertionError("page never showed " + description + "; it shows: " + text);
    }

    /** A PNG of the whole page. */
    void screenshot(Path file) throws IOException {
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asString()));
    }

    private String safeText() {
        try {
            return text();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private JsonNode call(String method, Map<String, Object> params) {
        return call(method, params, true);
    }

    private JsonNode call(String method, Map<String, Object> params, boolean inPage) {
        int id = ids.incrementAndGet();
        ObjectNode message = EventCodec.mapper().createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", EventCodec.mapper().valueToTree(params));
        if (inPage) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode response = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (response.has("error")) {
                throw new IllegalStateException(method + " failed: " + response.get("error"));
            }
            return response.path("result");
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(method + " got no answer", e);
        } finally {
            pending.remove(id);
        }
    }

    private String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            socket.sendText("{\"id\":" + ids.incrementAndGet() + ",\"method\":\"Browser.close\"}", true).get(5, TimeUnit.SECONDS);
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // killed below
        } finally {
            process.destroyForcibly();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                JsonNode message = EventCodec.mapper().readTree(buffer.toString());
                buffer.setLength(0);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
                    if (answer != null) {
                        answer.complete(message);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
