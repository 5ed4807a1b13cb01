package ca.passerelle.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this JVM and of every child process (the local stack's broker and services), named by what they run, so
 * a P4 step can say which process used the machine's cores.
 */
final class ProcessCpu {

    static final String SELF = "benchmark JVM (load generator, topic reader, MongoDB server on H2)";
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** CPU seconds per process name now. */
    static Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put(SELF, cpuSeconds(ProcessHandle.current().pid()));
        ProcessHandle.current().children().forEach(child -> {
            String name = name(child);
            if (name != null) {
                seconds.merge(name, cpuSeconds(child.pid()), Double::sum);
            }
        });
        return seconds;
    }

    /** Average cores per process between {@code before} and now. */
    static Map<String, Double> coresSince(Map<String, Double> before, double wallSeconds) {
        Map<String, Double> cores = new LinkedHashMap<>();
        snapshot().forEach((name, now) -> {
            Double then = before.get(name);
            if (then != null && !then.isNaN() && !now.isNaN() && wallSeconds > 0) {
                cores.put(name, Math.round((now - then) / wallSeconds * 100) / 100.0);
            }
        });
        return cores;
    }

    private static String name(ProcessHandle process) {
        String command = process.info().commandLine().orElse("");
        if (command.contains("kafka.Kafka")) {
            return "kafka broker";
        }
        int jar = command.indexOf("-jar ");
        if (jar >= 0) {
            String path = command.substring(jar + 5).split(" ")[0];
            String file = Path.of(path).getFileName().toString();
            return file.endsWith(".jar") ? file.substring(0, file.length() - 4) : file;
        }
        return null;
    }

    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
