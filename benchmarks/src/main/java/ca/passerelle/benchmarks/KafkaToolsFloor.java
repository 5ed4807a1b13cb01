package ca.passerelle.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * P0, the broker floor: Apache Kafka's own {@code ProducerPerformance} and {@code EndToEndLatency} (kafka-tools 4.1.2),
 * each in its own JVM like {@code kafka-producer-perf-test.sh} and {@code kafka-e2e-latency.sh}, with 1 KB records,
 * acks=all and idempotence on.
 */
final class KafkaToolsFloor {

    static final int RECORD_BYTES = 1024;

    // "20000 records sent, 45662.1 records/sec (44.59 MB/sec), 312.52 ms avg latency, 540.00 ms max latency, 320 ms 50th, 520 ms 95th, 535 ms 99th, 539 ms 99.9th."
    private static final Pattern PERF = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, "
            + "([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");
    private static final Pattern E2E_AVG = Pattern.compile("Avg latency: ([\\d.]+) ms");
    private static final Pattern E2E_PERCENTILES = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");

    private final String bootstrap;
    private final Path workDirectory;

    KafkaToolsFloor(String bootstrap, Path workDirectory) {
        this.bootstrap = bootstrap;
        this.workDirectory = workDirectory;
    }

    LevelResult producerPerformance(int records) throws IOException, InterruptedException {
        String topic = "bench.p0.producer-perf";
        KafkaClients.createTopics(bootstrap, List.of(topic));
        ChainRunner.say("P0", "ProducerPerformance: " + records + " records of " + RECORD_BYTES + " B");
        String output = tool("org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records", String.valueOf(records),
                "--record-size", String.valueOf(RECORD_BYTES), "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap,
                "acks=all", "enable.idempotence=true");
        MatchResult last = null;
        Matcher matcher = PERF.matcher(output);
        while (matcher.find()) {
            last = matcher.toMatchResult();
        }
        if (last == null) {
            throw new IllegalStateException("unexpected ProducerPerformance output:\n" + output);
        }
        double throughput = Double.parseDouble(last.group(2));
        Percentiles latency = new Percentiles(Long.parseLong(last.group(1)), Double.valueOf(last.group(6)), null,
                Double.valueOf(last.group(8)), Double.valueOf(last.group(9)), Double.valueOf(last.group(5)));
        ChainRunner.say("P0", String.format("producer: %.0f records/s", throughput));
        return new LevelResult("P0-producer", "Kafka ProducerPerformance",
                "kafka-tools 4.1.2 ProducerPerformance, own JVM, 1 producer, acks=all, idempotent, unthrottled; throughput = records acknowledged by the broker/s (no consumer)",
                records, Long.parseLong(last.group(1)), round(Long.parseLong(last.group(1)) / throughput), Math.round(throughput), latency,
                null, 0, RECORD_BYTES, null, "latencies are send-to-acknowledgement under saturation; the tool reports p95, not p90");
    }

    LevelResult endToEndLatency(int records) throws IOException, InterruptedException {
        String topic = "bench.p0.e2e-latency";
        KafkaClients.createTopics(bootstrap, List.of(topic));
        Path properties = workDirectory.resolve("e2e.properties");
        Files.writeString(properties, "enable.idempotence=true\n");
        ChainRunner.say("P0", "EndToEndLatency: " + records + " records of " + RECORD_BYTES + " B, one at a time");
        long start = System.nanoTime();
        String output = tool("org.apache.kafka.tools.EndToEndLatency", bootstrap, topic, String.valueOf(records), "all",
                String.valueOf(RECORD_BYTES), properties.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        Matcher avg = E2E_AVG.matcher(output);
        Matcher percentiles = E2E_PERCENTILES.matcher(output);
        if (!avg.find() || !percentiles.find()) {
            throw new IllegalStateException("unexpected EndToEndLatency output:\n" + output);
        }
        Percentiles latency = new Percentiles(records, Double.valueOf(percentiles.group(1)), null, Double.valueOf(percentiles.group(2)),
                Double.valueOf(percentiles.group(3)), null);
        ChainRunner.say("P0", "end to end: avg " + avg.group(1) + " ms, p50 " + latency.p50() + " ms, p99 " + latency.p99() + " ms");
        return new LevelResult("P0-e2e", "Kafka EndToEndLatency",
                "kafka-tools 4.1.2 EndToEndLatency, own JVM: send one record (acks=all, idempotent), consume it, repeat; one hop, closed loop",
                records, records, round(seconds), Math.round(records / seconds), null, latency, 0, RECORD_BYTES, null,
                "closed loop, one record in flight: its throughput is 1/latency, not a capacity; the tool reports whole milliseconds (avg "
                        + avg.group(1) + " ms)");
    }

    private String tool(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ChildJvm.javaBinary(), "-Xmx512m", "-cp", ChildJvm.classpath(),
                "-Dlogback.configurationFile=" + workDirectory.resolve("logback.xml"), mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(mainClass + " failed:\n" + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
