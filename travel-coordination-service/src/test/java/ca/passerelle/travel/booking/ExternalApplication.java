package ca.passerelle.travel.booking;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another Passerelle application (the facility-API simulator, facility-gateway) run as its own process from the jar its
 * module built earlier in the reactor: this service may not depend on those modules, so it runs them as they run in
 * production. The jar is copied under {@code target/} first, so a rebuild of that module during the test does not pull it
 * away. A missing jar fails the test (it is never skipped). Output goes to {@code target/<name>-it.log}.
 */
final class ExternalApplication implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ExternalApplication(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code ../<module>/target/<module>.jar} on a free loopback port and waits until its health is UP. */
    static ExternalApplication start(String module, List<String> arguments) throws IOException {
        Path built = Path.of("..", module, "target", module + ".jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(built)) {
            throw new IllegalStateException(module + " jar not found at " + built + ": build it first (./mvnw -pl " + module
                    + " package, or ./mvnw verify from the root, which builds it before this module)");
        }
        Path copy = Path.of("target", "it-apps", module + ".jar").toAbsolutePath();
        Files.createDirectories(copy.getParent());
        Files.copy(built, copy, StandardCopyOption.REPLACE_EXISTING);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", copy.toString(),
                "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(arguments);
        Path log = Path.of("target", module + "-it.log").toAbsolutePath();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ExternalApplication application = new ExternalApplication(module, process, port, log);
        try {
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(module + " exited with " + process.exitValue() + "; see " + log);
                }
                return application.healthy();
            });
        } catch (RuntimeException e) {
            application.close();
            throw e;
        }
        return application;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private boolean healthy() {
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name + " at " + baseUrl() + " (log " + log + ")";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
