package ca.passerelle.localstack;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ca.passerelle.localmongo.LocalMongoServers;
import de.bwaldvogel.mongo.MongoServer;

/**
 * Runs all of Passerelle on this machine: a MongoDB wire-protocol server on an H2 file (in this process), a Kafka
 * broker process, the facility-API simulator and every service as processes. Everything it keeps lives in one data
 * folder, so a restart keeps the cases.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private final Path root;
    private final Path dataDir;
    private final Ports ports;
    private final KafkaBrokerProcess kafka;
    private final Map<Component, ServiceProcess> services = new LinkedHashMap<>();
    private MongoServer mongo;
    private final Map<Component, TcpProxy> mongoProxies = new LinkedHashMap<>();
    private final java.util.Set<Component> proxiedMongo = java.util.EnumSet.noneOf(Component.class);
    /** Second instances of services (rebalance tests), see {@link #startSecondInstance}. */
    private final Map<Component, ServiceProcess> secondInstances = new java.util.concurrent.ConcurrentHashMap<>();
    private java.util.function.Function<Component, Path> serviceJars = this::jarOf;
    private java.util.function.Function<Component, List<String>> serviceJvmOptions = component -> List.of();
    private final Map<Component, Long> launchedAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Component, Duration> startToReady = new java.util.concurrent.ConcurrentHashMap<>();
    /** Class-data sharing for the services (the launcher's own run; tests start services without it). */
    private ClassDataSharing classDataSharing;
    private volatile boolean recordingArchives;

    public LocalStack(Path root, Path dataDir, Ports ports) {
        this.root = root.toAbsolutePath().normalize();
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.ports = ports;
        this.kafka = new KafkaBrokerProcess(this.dataDir.resolve("kafka"), ports.kafka(), ports.kafkaController(),
                this.root.resolve("local-stack").resolve("target").resolve("lib") + File.separator + "*");
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("passerelle.root", ".")).toAbsolutePath().normalize();
        Path dataDir = Path.of(System.getProperty("passerelle.data-dir", root.resolve(".local-data").toString()));
        boolean demo = !List.of(args).contains("--no-demo");
        long started = System.nanoTime();
        LocalStack stack = new LocalStack(root, dataDir, Ports.defaults());
        if (!Boolean.getBoolean("passerelle.no-class-data-sharing")) {
            stack.useClassDataSharing(dataDir.resolve("class-data"));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            log.error("Passerelle could not start: {}", e.getMessage());
            System.exit(1);
        }
        Duration ready = Duration.ofNanos(System.nanoTime() - started);
        stack.printBanner(System.out, ready);
        if (demo) {
            new DemoData(stack).seed(System.out);
        }
        stopped.await();
    }

    /** Starts everything and waits until every service reports UP. */
    public void start() {
        try {
            Files.createDirectories(dataDir.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mongo = LocalMongoServers.onFile(dataDir.resolve("mongodb.mv"));
        mongo.bind("127.0.0.1", ports.mongo());
        log.info("MongoDB wire-protocol server (H2 file {}) on 127.0.0.1:{}", dataDir.resolve("mongodb.mv"), ports.mongo());
        for (Component component : proxiedMongo) {
            mongoProxies.put(component, new TcpProxy(ports.mongo()));
        }
        launch(Component.IDENTITY_PROVIDER);
        kafka.start(Duration.ofSeconds(90));
        awaitHealthy(READY_TIMEOUT);
        log.info("Identity provider ready at {}", issuer());
        for (Component component : Component.values()) {
            if (component != Component.IDENTITY_PROVIDER) {
                launch(component);
            }
        }
        awaitHealthy(READY_TIMEOUT);
    }

    private ServiceProcess launch(Component component) {
        Path jar = serviceJars.apply(component);
        List<String> jvmOptions = new ArrayList<>(serviceJvmOptions.apply(component));
        boolean recording = false;
        if (classDataSharing != null && Files.isRegularFile(jar)) {
            ClassDataSharing.Launch launch = classDataSharing.prepare(component, jar);
            jar = launch.jar();
            jvmOptions.addAll(launch.jvmOptions());
            recording = launch.recording();
        }
        ServiceProcess service = new ServiceProcess(component, jar,
                dataDir.resolve("logs").resolve(component.module() + ".log"), ports.baseUrl(component), argumentsFor(component),
                jvmOptions);
        if (recording) {
            service.stopGrace(ClassDataSharing.RECORDING_STOP_GRACE);
            recordingArchives = true;
        }
        services.put(component, service);
        launchedAt.put(component, System.nanoTime());
        startToReady.remove(component);
        service.start();
        return service;
    }

    /**
     * Before {@link #start()}: runs every service with application class-data sharing ({@link ClassDataSharing}), its
     * extracted jars and archives kept in {@code folder}. The launcher does; tests don't (an archive is written at each
     * first stop, which would cost every test's stack start and stop).
     */
    public void useClassDataSharing(Path folder) {
        this.classDataSharing = new ClassDataSharing(folder);
    }

    /**
     * For the benchmarks (start-up time and memory, with and without class-data sharing), before {@link #start()}: the
     * jar each service runs from (e.g. an extracted layout) and JVM options added after the defaults (a later
     * {@code -Xmx} wins).
     */
    public void customizeServices(java.util.function.Function<Component, Path> jars,
            java.util.function.Function<Component, List<String>> jvmOptions) {
        this.serviceJars = jars;
        this.serviceJvmOptions = jvmOptions;
    }

    /** For each service started so far, from its launch until it was first seen UP (health polled every 500 ms). */
    public Map<Component, Duration> startToReady() {
        return Map.copyOf(startToReady);
    }

    /** The identity provider's issuer, which every service trusts. */
    public String issuer() {
        return ports.baseUrl(Component.IDENTITY_PROVIDER);
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Component, String> health = healthOfAll();
        while (System.nanoTime() < deadline) {
            health = healthOfAll();
            long now = System.nanoTime();
            health.forEach((component, state) -> {
                if ("UP".equals(state) && launchedAt.containsKey(component)) {
                    startToReady.putIfAbsent(component, Duration.ofNanos(now - launchedAt.get(component)));
                }
            });
            if (health.values().stream().allMatch("UP"::equals)) {
                return;
            }
            health.forEach((component, state) -> {
                if (state.equals("STOPPED")) {
                    throw new IllegalStateException(component.module() + " exited; see " + services.get(component).logFile());
                }
            });
            pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException("not every service became healthy within " + timeout + ": " + health);
    }

    /** Health of every service, as each reports it. */
    public Map<Component, String> healthOfAll() {
        Map<Component, String> health = new LinkedHashMap<>();
        services.forEach((component, service) -> health.put(component, service.health()));
        return health;
    }

    private List<String> argumentsFor(Component component) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--server.port=" + ports.of(component));
        arguments.add("--server.address=127.0.0.1");
        if (component.usesInfrastructure()) {
            arguments.add("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
            TcpProxy proxy = mongoProxies.get(component);
            arguments.add("--spring.mongodb.uri=" + (proxy == null ? mongoUri(component.module())
                    : "mongodb://127.0.0.1:" + proxy.port() + "/" + component.module()));
            arguments.add("--passerelle.security.issuer=" + issuer());
        }
        switch (component) {
            case IDENTITY_PROVIDER -> arguments.add("--passerelle.identity.issuer=" + issuer());
            case FACILITY_GATEWAY -> arguments.add("--passerelle.gateway.upstream.base-url=" + ports.baseUrl(Component.FACILITY_API_SIMULATOR));
            case TRAVEL -> arguments.add("--passerelle.travel.facility-gateway.base-url=" + ports.baseUrl(Component.FACILITY_GATEWAY));
            case REHAB -> arguments.add("--passerelle.rehab.facility-gateway.base-url=" + ports.baseUrl(Component.FACILITY_GATEWAY));
            case DASHBOARD -> {
                arguments.add("--passerelle.dashboard.services.travel-base-url=" + ports.baseUrl(Component.TRAVEL));
                arguments.add("--passerelle.dashboard.services.rehab-base-url=" + ports.baseUrl(Component.REHAB));
                arguments.add("--passerelle.dashboard.services.assessment-base-url=" + ports.baseUrl(Component.ASSESSMENT));
            }
            default -> {
            }
        }
        return arguments;
    }

    public String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + ports.mongo() + "/" + database;
    }

    /** Where every part writes its log. */
    public Path logsFolder() {
        return dataDir.resolve("logs");
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String baseUrl(Component component) {
        return ports.baseUrl(component);
    }

    /** Stops the broker, for tests of what happens while it is away; {@code kill} stops it with SIGKILL. */
    public void stopKafka(boolean kill) {
        kafka.stop(kill);
    }

    public void startKafka() {
        kafka.start(Duration.ofSeconds(90));
    }

    /**
     * For fault-injection tests, before {@link #start()}: routes one service's database connections through a
     * {@link TcpProxy} that {@link #mongoProxy} returns, so the test can make the database unreachable for that service.
     */
    public void proxyMongoFor(Component component) {
        proxiedMongo.add(component);
    }

    /** The proxy in front of the database for one service (see {@link #proxyMongoFor}). */
    public TcpProxy mongoProxy(Component component) {
        TcpProxy proxy = mongoProxies.get(component);
        if (proxy == null) {
            throw new IllegalStateException(component.module() + " does not reach the database through a proxy");
        }
        return proxy;
    }

    /** Kills one service's process with SIGKILL ({@code kill -9}), for fault-injection tests; restart it with {@link #startService}. */
    public void killService(Component component) {
        requireService(component).kill();
    }

    /** Stops one service gracefully (SIGTERM); restart it with {@link #startService}. */
    public void stopService(Component component) {
        requireService(component).stop();
    }

    /**
     * Starts one service again (after {@link #killService} or {@link #stopService}) with the stack's arguments plus
     * {@code extraArguments} (later ones win, e.g. {@code --passerelle.messaging.relay-enabled=false}), and waits until
     * it reports UP. Its log is appended to the same file.
     */
    public void startService(Component component, String... extraArguments) {
        ServiceProcess previous = requireService(component);
        if (previous.isAlive()) {
            throw new IllegalStateException(component.module() + " is still running (pid " + previous.pid() + ")");
        }
        List<String> arguments = new ArrayList<>(argumentsFor(component));
        arguments.addAll(List.of(extraArguments));
        ServiceProcess service = new ServiceProcess(component, serviceJars.apply(component), previous.logFile(), ports.baseUrl(component),
                arguments, serviceJvmOptions.apply(component));
        services.put(component, service);
        launchedAt.put(component, System.nanoTime());
        startToReady.remove(component);
        service.start();
        awaitHealthy(READY_TIMEOUT);
    }

    /** The operating-system process id of one service, or -1 when it is not running. */
    public long pid(Component component) {
        return requireService(component).pid();
    }

    /**
     * For rebalance tests: starts a second instance of one service — its own process and port, the same arguments (so the
     * same consumer group, database and broker) plus {@code extraArguments} — and waits until it reports UP. Its log is
     * {@code <module>-2.log}. Returns its base URL. Stop it with {@link #stopSecondInstance}; {@link #close()} stops it too.
     */
    public String startSecondInstance(Component component, String... extraArguments) {
        ServiceProcess existing = secondInstances.get(component);
        if (existing != null && existing.isAlive()) {
            throw new IllegalStateException("a second " + component.module() + " is already running (pid " + existing.pid() + ")");
        }
        int port = Ports.freePort();
        List<String> arguments = new ArrayList<>(argumentsFor(component).stream().filter(argument -> !argument.startsWith("--server.port=")).toList());
        arguments.add("--server.port=" + port);
        arguments.addAll(List.of(extraArguments));
        String baseUrl = "http://127.0.0.1:" + port;
        ServiceProcess second = new ServiceProcess(component, serviceJars.apply(component),
                dataDir.resolve("logs").resolve(component.module() + "-2.log"), baseUrl, arguments, serviceJvmOptions.apply(component));
        secondInstances.put(component, second);
        second.start();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String health = second.health();
        while (!"UP".equals(health)) {
            if ("STOPPED".equals(health)) {
                throw new IllegalStateException("the second " + component.module() + " exited; see " + second.logFile());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the second " + component.module() + " did not become healthy: " + health);
            }
            pause(Duration.ofMillis(500));
            health = second.health();
        }
        return baseUrl;
    }

    /** Stops the second instance of one service: gracefully (SIGTERM), or at once with {@code kill} (SIGKILL). */
    public void stopSecondInstance(Component component, boolean kill) {
        ServiceProcess second = secondInstances.get(component);
        if (second == null) {
            return;
        }
        if (kill) {
            second.kill();
        } else {
            second.stop();
        }
    }

    /** The operating-system process id of the second instance of one service, or -1 when none runs. */
    public long secondInstancePid(Component component) {
        ServiceProcess second = secondInstances.get(component);
        return second == null ? -1 : second.pid();
    }

    private ServiceProcess requireService(Component component) {
        ServiceProcess service = services.get(component);
        if (service == null) {
            throw new IllegalStateException(component.module() + " was never started");
        }
        return service;
    }

    void printBanner(PrintStream out, Duration ready) {
        out.printf("%nPasserelle is running (ready in %d s). Data folder: %s%n%n", ready.toSeconds(), dataDir);
        if (recordingArchives) {
            out.printf("  First run of this build: each service writes its class-data archive when you stop it (Ctrl-C, up to a%n"
                    + "  minute); the next start takes about half the time.%n%n");
        }
        out.printf("  Operations dashboard   %s/   (log in as %s / %s)%n", baseUrl(Component.DASHBOARD), Actors.COORDINATOR,
                Actors.password(Actors.COORDINATOR));
        out.printf("  Identity provider      %s   (issuer; demo users and clients in identity-provider/README.md)%n", issuer());
        out.printf("  Dashboard API          %s/api/cases%n", baseUrl(Component.DASHBOARD));
        out.printf("  Intake API             %s/api/cases%n", baseUrl(Component.INTAKE));
        out.printf("  Assessment API         %s/api/assessments/{caseId}%n", baseUrl(Component.ASSESSMENT));
        out.printf("  Travel API             %s/api/bookings/{caseId}%n", baseUrl(Component.TRAVEL));
        out.printf("  Rehab API              %s/api/rehab-plans/{caseId}%n", baseUrl(Component.REHAB));
        out.printf("  Facility gateway       %s/api/facilities%n", baseUrl(Component.FACILITY_GATEWAY));
        out.printf("  Facility API simulator %s/v1/facilities   (faults: %s/admin/faults)%n",
                baseUrl(Component.FACILITY_API_SIMULATOR), baseUrl(Component.FACILITY_API_SIMULATOR));
        out.printf("  Kafka                  %s%n", kafka.bootstrapServers());
        out.printf("  MongoDB                %s%n", mongoUri(""));
        out.printf("  Logs                   %s%n%n", dataDir.resolve("logs"));
        out.println("Press Ctrl-C to stop everything.");
        out.flush();
    }

    /** Stops the services, then the broker, then the database (which flushes its file). */
    @Override
    public void close() {
        List<ServiceProcess> running = new ArrayList<>(services.values());
        running.addAll(secondInstances.values());
        running.parallelStream().forEach(ServiceProcess::stop);
        kafka.stop(false);
        mongoProxies.values().forEach(TcpProxy::close);
        if (mongo != null) {
            mongo.shutdown();
            mongo = null;
        }
        log.info("Passerelle stopped");
    }

    private Path jarOf(Component component) {
        return root.resolve(component.module()).resolve("target").resolve(component.module() + ".jar");
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
