package ca.passerelle.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node) as its own operating-system process,
 * so that it can be stopped, killed and restarted independently of the services. Its data lives under the stack's
 * data folder and survives restarts. Public for the benchmarks, which run their ladder on the same broker.
 */
public final class KafkaBrokerProcess {

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerProcess.class);

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private Process process;

    /** {@code classpath}: where the broker's classes are (Kafka and a logging backend), e.g. the caller's own class path. */
    public KafkaBrokerProcess(Path home, int port, int controllerPort, String classpath) {
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Formats the storage on first use, then starts the broker and waits until it answers. */
    public void start(Duration timeout) {
        try {
            Files.createDirectories(home.resolve("data"));
            Path config = writeConfig();
            Path log4j = writeLogConfig();
            if (!Files.exists(home.resolve("data").resolve("meta.properties"))) {
                format(config, log4j);
            }
            process = java(log4j, "kafka.Kafka", config.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("broker.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker", e);
        }
        awaitReady(timeout);
        log.info("Kafka broker ready on {} (pid {})", bootstrapServers(), process.pid());
    }

    /** Stops the broker: gracefully (SIGTERM) or, with {@code kill}, at once (SIGKILL). */
    public void stop(boolean kill) {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The broker's operating-system process id (to measure its CPU), or -1 when it is not running. */
    public long pid() {
        return isAlive() ? process.pid() : -1;
    }

    private void format(Path config, Path log4j) throws IOException {
        Process formatter = java(log4j, "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", config.toString(), "--standalone").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("broker.log").toFile())).start();
        try {
            if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed; see " + home.resolve("broker.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private ProcessBuilder java(Path log4j, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(JavaProcesses.javaBinary(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + log4j, "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(home.toFile());
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with " + process.exitValue() + "; see " + home.resolve("broker.log"));
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (Exception e) {
                last = new IllegalStateException(e.getMessage(), e);
            }
        }
        throw new IllegalStateException("the Kafka broker did not answer within " + timeout, last);
    }

    private Path writeConfig() throws IOException {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + home.resolve("data").toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.dedupe.buffer.size=8388608",
                "") ;
        Path config = home.resolve("server.properties");
        Files.writeString(config, properties);
        return config;
    }

    private Path writeLogConfig() throws IOException {
        Path config = home.resolve("log4j2.xml");
        Files.writeString(config, """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="WARN">
                  <Appenders>
                    <Console name="console" target="SYSTEM_OUT">
                      <PatternLayout pattern="%d{ISO8601} %-5level [%c{1}] %msg%n"/>
                    </Console>
                  </Appenders>
                  <Loggers>
                    <Logger name="kafka" level="INFO"/>
                    <Logger name="org.apache.kafka" level="WARN"/>
                    <Logger name="state.change.logger" level="WARN"/>
                    <Root level="WARN"><AppenderRef ref="console"/></Root>
                  </Loggers>
                </Configuration>
                """);
        return config;
    }
}
