package ca.passerelle.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the benchmark JVM (every client, hop, Spring context and, for P3, the MongoDB server) and of the broker
 * JVM, so each phase can say how many of the machine's cores each side used: the ratio that tells CPU-bound from
 * latency-bound.
 */
final class CpuMeter {

    /** Linux clock ticks per second ({@code getconf CLK_TCK}); 100 on every mainstream kernel configuration. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long brokerPid;

    CpuMeter(long brokerPid) {
        this.brokerPid = brokerPid;
    }

    Snapshot snapshot() {
        return new Snapshot(System.nanoTime(), clientCpuSeconds(), brokerCpuSeconds());
    }

    private static double clientCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    private double brokerCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + brokerPid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after "(comm) ": state is [0], utime is [11], stime is [12]
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    record Snapshot(long nanos, double client, double broker) {

        /** Cores used between {@code start} and this snapshot by the benchmark JVM and by the broker. */
        CpuUse since(Snapshot start) {
            double seconds = (nanos - start.nanos) / 1e9;
            return new CpuUse(round((client - start.client) / seconds), round((broker - start.broker) / seconds));
        }

        private static Double round(double value) {
            return Double.isNaN(value) ? null : Math.round(value * 100) / 100.0;
        }
    }
}
