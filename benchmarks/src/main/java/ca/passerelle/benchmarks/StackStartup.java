package ca.passerelle.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ca.passerelle.benchmarks.StartupResult.ServiceStartup;
import ca.passerelle.benchmarks.StartupResult.StartupRun;
import ca.passerelle.localstack.Component;
import ca.passerelle.localstack.LocalStack;
import ca.passerelle.localstack.Ports;

/**
 * P5: cold starts of the whole local stack ({@link LocalStack}, as {@code ./run-local.sh} runs it) with the services at
 * {@code -Xmx256m}: without class-data sharing (Spring Boot fat jars, the JDK default CDS archive only, as the tests start them); then with the
 * launcher's own class-data sharing ({@code LocalStack.useClassDataSharing}, as {@code ./run-local.sh} runs it): its
 * first start of a build (jars extracted, an AppCDS archive recorded per service, written when it stops), then a later
 * start (each service mapping its archive).
 */
final class StackStartup {

    static final String HEAP = "-Xmx256m";

    private final Path root;
    private final Path work;
    private int stacks;

    private final Path logs;

    /** {@code logs}: where each stack's logs are kept after it stops (the work folder is deleted at the end). */
    StackStartup(Path root, Path work, Path logs) {
        this.root = root.toAbsolutePath().normalize();
        this.work = work;
        this.logs = logs;
    }

    /** Stops the stack and keeps its services' logs under {@code logs/<variant>} (e.g. the JVM's AppCDS dump messages). */
    void close(Started started) {
        started.stack().close();
        keepLogs(started.stack(), started.run().variant());
    }

    private void keepLogs(LocalStack stack, String variant) {
        Path source = stack.logsFolder();
        Path target = logs.resolve(variant);
        try (var files = Files.list(source)) {
            Files.createDirectories(target);
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("[P5] could not keep the logs of " + variant + ": " + e.getMessage());
        }
    }

    /** The stack started; {@code run} holds its start-up figures. Close {@code stack} when done. */
    record Started(LocalStack stack, StartupRun run) {
    }

    /** Service jars present? (They are built by {@code ./mvnw package}, not by this module.) */
    String missingJars() {
        List<String> missing = new ArrayList<>();
        for (Component component : Component.values()) {
            if (!Files.isRegularFile(fatJar(component))) {
                missing.add(fatJar(component).toString());
            }
        }
        return missing.isEmpty() ? null : String.join(", ", missing);
    }

    Started defaultLayout() {
        return start("default", "no class-data sharing: Spring Boot fat jars as the tests start the services, " + HEAP
                + " (the JDK's default CDS only)", false, false);
    }

    /**
     * The launcher's first start of a build ({@code LocalStack.useClassDataSharing}, as {@code ./run-local.sh}): every jar
     * extracted, every service recording its AppCDS archive, written when it stops.
     */
    Started training() {
        return start("cds-training", "the launcher's first start of a build: jars extracted, each service recording its AppCDS archive "
                + "(-XX:ArchiveClassesAtExit, written when it stops), " + HEAP, true, false);
    }

    /** The launcher's later starts: the same extracted jars, each service mapping the archive its first run wrote. */
    Started appCds() {
        List<String> missing = new ArrayList<>();
        for (Component component : Component.values()) {
            if (!Files.isRegularFile(archive(component))) {
                missing.add(component.module());
            }
        }
        if (!missing.isEmpty()) {
            System.out.println("[P5] the first start wrote no AppCDS archive for " + missing + ": those record one now");
        }
        return start("appcds", "the launcher's later starts: extracted jars mapping their AppCDS archive (-XX:SharedArchiveFile), " + HEAP
                + (missing.isEmpty() ? "" : "; no archive had been written for " + String.join(", ", missing)), true, true);
    }

    private Started start(String variant, String description, boolean classDataSharing, boolean cds) {
        Path dataDir = work.resolve("stack-" + (++stacks) + "-" + variant);
        LocalStack stack = new LocalStack(root, dataDir, Ports.free());
        stack.customizeServices(this::fatJar, component -> {
            List<String> all = new ArrayList<>(List.of(HEAP));
            if (variant.equals("cds-training") && Flight.folder() != null && component == Component.INTAKE) {
                all.add("-XX:StartFlightRecording=name=startup,settings=profile");
            }
            return all;
        });
        if (classDataSharing) {
            stack.useClassDataSharing(classData());
        }
        System.out.println("[P5] " + variant + ": starting the whole stack cold (" + dataDir + ")");
        long begin = System.nanoTime();
        try {
            stack.start();
        } catch (RuntimeException e) {
            stack.close();
            keepLogs(stack, variant);
            throw e;
        }
        double ready = (System.nanoTime() - begin) / 1e9;
        Map<Component, Duration> readyTimes = stack.startToReady();
        List<ServiceStartup> services = new ArrayList<>();
        long total = 0;
        int mapped = 0;
        for (Component component : Component.values()) {
            long pid = stack.pid(component);
            long rss = rssMiB(pid);
            total += Math.max(rss, 0);
            if (cds && mapsArchive(pid, archive(component))) {
                mapped++;
            }
            Duration serviceReady = readyTimes.get(component);
            services.add(new ServiceStartup(component.module(), serviceReady == null ? -1 : round(serviceReady.toMillis() / 1000.0), rss, null,
                    round(ProcessCpu.cpuSeconds(pid))));
        }
        if (variant.equals("cds-training") && Flight.folder() != null) {
            Flight.dump(stack.pid(Component.INTAKE), "startup", Flight.folder().resolve("intake-service-startup.jfr"));
        }
        System.out.printf("[P5] %s: whole stack ready in %.1f s, services' RSS %d MiB%s%n", variant, ready, total,
                cds ? ", archive mapped by " + mapped + "/" + services.size() : "");
        return new Started(stack, new StartupRun(variant, description, round(ready), services, total, cds ? mapped : -1));
    }

    /**
     * Stops the training stack's services with SIGTERM and waits up to 3 minutes for each JVM to exit by itself: the
     * AppCDS archive is written at exit, which takes longer than the launcher's 30 s before it kills a service.
     */
    void stopForArchives(Started started) {
        LocalStack stack = started.stack();
        List<ProcessHandle> running = new ArrayList<>();
        for (Component component : Component.values()) {
            long pid = stack.pid(component);
            if (pid > 0) {
                ProcessHandle.of(pid).ifPresent(running::add);
            }
        }
        running.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        for (ProcessHandle process : running) {
            try {
                process.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                System.out.println("[P5] pid " + process.pid() + " did not exit in time: " + e);
            }
        }
        close(started);
    }

    /** The run's figures with each service's RSS read again now (after the P4 load). */
    static StartupRun withRssAfterLoad(Started started) {
        List<ServiceStartup> services = new ArrayList<>();
        Component[] components = Component.values();
        for (int i = 0; i < components.length; i++) {
            ServiceStartup before = started.run().services().get(i);
            services.add(new ServiceStartup(before.service(), before.readySeconds(), before.rssMiB(), rssMiB(started.stack().pid(components[i])),
                    before.cpuSeconds()));
        }
        StartupRun run = started.run();
        return new StartupRun(run.variant(), run.description(), run.stackReadySeconds(), services, run.rssTotalMiB(), run.archivesMapped());
    }

    private Path fatJar(Component component) {
        return root.resolve(component.module()).resolve("target").resolve(component.module() + ".jar");
    }

    /** The launcher's class-data folder for the stacks of this run (extracted jars and archives, kept across the stacks). */
    private Path classData() {
        return work.resolve("class-data");
    }

    private Path archive(Component component) {
        return classData().resolve(component.module() + ".jsa");
    }

    /** VmRSS of a process in MiB, or -1 when it cannot be read (not Linux, process gone). */
    static long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone or not Linux
        }
        return -1;
    }

    private static boolean mapsArchive(long pid, Path archive) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/maps")).contains(archive.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
