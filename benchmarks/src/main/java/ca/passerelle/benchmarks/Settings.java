package ca.passerelle.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The ladder's parameters, read from system properties ({@code -Dbenchmark.*}); the defaults are the short run.
 *
 * @param records records per throughput (blast) phase of P0, P1 and P2
 * @param p3Records records per throughput phase of P3 (slower per record; a rate, so comparable with the others)
 * @param warmup records sent and awaited end to end before measuring (JIT, consumer assignment, first documents)
 * @param p3Warmup the same for P3
 * @param rate the fixed open-loop rate of the latency phase, records per second, the same for every level
 * @param pacedSeconds how long the latency phase lasts
 * @param timeoutSeconds how long one phase may wait for its records at the end of the chain
 * @param levels which levels to run
 * @param output where results.json, results.md and the charts go
 * @param p4Rates P4's rate steps, cases per second, tried in order until one fails
 * @param p4StepSeconds how long each P4 step sends
 * @param p4DrainSeconds how long after a step's last send its cases may take to reach the end
 * @param p4Warmup cases sent at 5/s before P4's first step
 * @param root the repository root (P4 and P5 run the services' jars from it)
 */
public record Settings(int records, int p3Records, int warmup, int p3Warmup, int rate, int pacedSeconds, int timeoutSeconds, List<String> levels,
        String output, List<Double> p4Rates, int p4StepSeconds, int p4DrainSeconds, int p4Warmup, String root) {

    static Settings fromSystemProperties() {
        return new Settings(
                Integer.getInteger("benchmark.records", 10_000),
                Integer.getInteger("benchmark.p3.records", 2_000),
                Integer.getInteger("benchmark.warmup", 10_000),
                Integer.getInteger("benchmark.p3.warmup", 1_500),
                Integer.getInteger("benchmark.rate", 50),
                Integer.getInteger("benchmark.paced.seconds", 10),
                Integer.getInteger("benchmark.timeout.seconds", 90),
                Arrays.stream(System.getProperty("benchmark.levels", "P0,P1,P2,P2-json,P3,P3-library").split(",")).map(String::trim)
                        .filter(level -> !level.isEmpty()).toList(),
                System.getProperty("benchmark.output", "target/benchmarks"),
                Arrays.stream(System.getProperty("benchmark.p4.rates", "4,8,12,16,20,24,32").split(",")).map(String::trim)
                        .filter(rate -> !rate.isEmpty()).map(Double::valueOf).toList(),
                Integer.getInteger("benchmark.p4.seconds", 12),
                Integer.getInteger("benchmark.p4.drain.seconds", 10),
                Integer.getInteger("benchmark.p4.warmup", 50),
                System.getProperty("benchmark.root", ".."));
    }

    int pacedRecords() {
        return rate * pacedSeconds;
    }

    boolean runs(String level) {
        return levels.contains(level);
    }

    Path outputDirectory() {
        return Path.of(output);
    }
}
