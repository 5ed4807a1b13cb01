package ca.passerelle.gateway.facility;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real facility-api-simulator, started from the jar its module built earlier in the same reactor, as a separate
 * process on a free port (the gateway may not depend on the simulator module). Its output goes to
 * {@code target/facility-api-simulator-it.log}.
 */
final class RunningSimulator implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("passerelle.simulator.jar", "../facility-api-simulator/target/facility-api-simulator.jar"));

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningSimulator(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean available() {
        return Files.isRegularFile(JAR);
    }

    static RunningSimulator start(String... arguments) throws IOException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", JAR.toAbsolutePath().toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(List.of(arguments));
        Path log = Path.of("target", "facility-api-simulator-it.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RunningSimulator simulator = new RunningSimulator(process, port);
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the simulator exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
                }
                return simulator.healthy();
            });
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
        return simulator;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10)).GET());
    }

    /** Replaces every fault switch ({@code PUT /admin/faults}). */
    void faults(String settingsJson) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/faults")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").PUT(BodyPublishers.ofString(settingsJson)));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("faults not switched: " + answer.statusCode() + " " + answer.body());
        }
    }

    void resetFaults() {
        send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/faults/reset")).timeout(Duration.ofSeconds(10))
                .POST(BodyPublishers.noBody()));
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

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
