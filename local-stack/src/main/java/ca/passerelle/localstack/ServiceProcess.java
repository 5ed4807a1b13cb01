package ca.passerelle.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One Passerelle service running from its Spring Boot jar as its own process, with its log in the data folder. */
final class ServiceProcess {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Component component;
    private final Path jar;
    private final Path logFile;
    private final String baseUrl;
    private final List<String> arguments;
    private final List<String> jvmOptions;
    private Process process;
    private Duration stopGrace = Duration.ofSeconds(30);

    ServiceProcess(Component component, Path jar, Path logFile, String baseUrl, List<String> arguments) {
        this(component, jar, logFile, baseUrl, arguments, List.of());
    }

    /** {@code jvmOptions} come after the defaults, so that e.g. a later {@code -Xmx} wins. */
    ServiceProcess(Component component, Path jar, Path logFile, String baseUrl, List<String> arguments, List<String> jvmOptions) {
        this.component = component;
        this.jar = jar;
        this.logFile = logFile;
        this.baseUrl = baseUrl;
        this.arguments = List.copyOf(arguments);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** How long {@link #stop()} waits for the service to exit by itself before killing it (default 30 s). */
    ServiceProcess stopGrace(Duration grace) {
        this.stopGrace = grace;
        return this;
    }

    Component component() {
        return component;
    }

    String baseUrl() {
        return baseUrl;
    }

    void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>(List.of(JavaProcesses.javaBinary(), "-Xms64m", "-Xmx320m", "-Xss512k",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dspring.output.ansi.enabled=never"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        try {
            Files.createDirectories(logFile.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + component.module(), e);
        }
    }

    /** Health as the service reports it on {@code /actuator/health}, or DOWN/STARTING when it does not answer. */
    String health() {
        if (process == null || !process.isAlive()) {
            return "STOPPED";
        }
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode status = JSON.readTree(response.body()).path("status");
            return status.isMissingNode() ? "UNKNOWN" : status.asString();
        } catch (IOException | RuntimeException e) {
            return "STARTING";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "STARTING";
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    Path logFile() {
        return logFile;
    }

    /** Kills the process at once (SIGKILL, like {@code kill -9}): no shutdown hook, no graceful shutdown, nothing flushed. */
    void kill() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The operating-system process id, or -1 when it is not running. */
    long pid() {
        return isAlive() ? process.pid() : -1;
    }

    /** Asks the service to stop (SIGTERM, Spring's graceful shutdown), killing it if it has not stopped in time. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
