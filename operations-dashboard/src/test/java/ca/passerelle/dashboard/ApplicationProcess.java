package ca.passerelle.dashboard;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: another Passerelle application (its executable jar {@code <module>/target/<module>.jar}) started as its
 * own process on a free loopback port, the way the local run starts it — the dashboard may not depend on another
 * application (the build's enforcer rule), and their auto-configuration must stay off the dashboard's test classpath.
 * The reactor builds the other applications before the dashboard; alone, build them first
 * ({@code ./mvnw -pl <module> package -DskipTests}). Its output goes to {@code target/<module>-browser-test.log}.
 */
final class ApplicationProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final String module;
    private final Process process;
    private final String url;
    private final Path log;

    private ApplicationProcess(String module, Process process, String url, Path log) {
        this.module = module;
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /**
     * Launches the application of {@code module} with {@code arguments} (Spring Boot's {@code --name=value}) on a free
     * loopback port; returns at once — {@link #awaitUp()} waits for its health. Fails with what to build when its jar is
     * missing.
     */
    static ApplicationProcess launch(String module, List<String> arguments) throws IOException {
        Path jar = Path.of("..", module, "target", module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar.toAbsolutePath().normalize() + ": build the " + module
                    + " first (./mvnw -pl " + module + " package -DskipTests)");
        }
        int port = freePort();
        Path log = Path.of("target", module + "-browser-test.log");
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ApplicationProcess(module, process, "http://127.0.0.1:" + port, log);
    }

    /** Where the application answers. */
    String url() {
        return url;
    }

    /** Waits until {@code /actuator/health} answers 200 (stops the process and fails after 90 s or if it exits). */
    ApplicationProcess awaitUp() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the " + module + " stopped with status " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("the " + module + " did not start within " + STARTUP + "; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
