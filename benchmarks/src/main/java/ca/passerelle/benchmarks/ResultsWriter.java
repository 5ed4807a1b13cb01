package ca.passerelle.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a run as {@code results.json} and {@code results.md} (the PNG charts are {@link Charts}'). */
final class ResultsWriter {

    static final String JSON = "results.json";
    static final String MARKDOWN = "results.md";

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultsWriter() {
    }

    static void write(Report report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(JSON), json(report));
        Files.writeString(directory.resolve(MARKDOWN), markdown(report));
    }

    static String json(Report report) {
        return MAPPER.writeValueAsString(report) + "\n";
    }

    static Report read(String json) {
        return MAPPER.readValue(json, Report.class);
    }

    static String markdown(Report report) {
        StringBuilder md = new StringBuilder();
        Settings s = report.settings();
        Machine m = report.machine();
        md.append("# Benchmark ladder — ").append(report.startedAt()).append("\n\n");
        md.append("Machine: ").append(m.processors()).append(" CPUs (").append(m.cpu()).append("), ").append(m.memoryMiB())
                .append(" MiB, ").append(m.os()).append(", Java ").append(m.java()).append(" (").append(m.javaVendor()).append(").\n\n");
        md.append("Broker: ").append(report.broker()).append(". MongoDB (P3): ").append(report.mongo()).append(".\n\n");
        md.append("Settings: ").append(s.records()).append(" records per throughput phase (P3: ").append(s.p3Records()).append("), ")
                .append(s.warmup()).append(" warm-up records per level, latency phase open loop at ").append(s.rate()).append(" records/s for ")
                .append(s.pacedSeconds()).append(" s.\n\n");

        md.append("## Ratios (measured in this run)\n\n| Ratio | Value | Target |\n|---|---:|---|\n");
        for (Map.Entry<String, Double> ratio : report.ratios().entrySet()) {
            md.append("| ").append(ratio.getKey()).append(" | ").append(format(ratio.getValue(), 3)).append(" | ")
                    .append(target(ratio.getKey(), ratio.getValue())).append(" |\n");
        }

        Double p1 = report.level("P1").map(LevelResult::throughput).orElse(null);
        md.append("\n## Throughput (end of chain)\n\n| Level | What | Sent | Arrived | Seconds | Records/s | × P1 | Record bytes | Cores: benchmark JVM | Cores: broker |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LevelResult level : report.levels()) {
            md.append("| ").append(level.level()).append(" | ").append(level.title()).append(" | ").append(level.records()).append(" | ")
                    .append(level.arrived()).append(" | ").append(format(level.seconds(), 2)).append(" | ")
                    .append(format(level.throughput(), 0)).append(" | ")
                    .append(p1 == null || p1 == 0 ? "" : format(level.throughput() / p1, 3)).append(" | ")
                    .append(level.recordBytes()).append(" | ").append(format(level.cpu() == null ? null : level.cpu().client(), 2))
                    .append(" | ").append(format(level.cpu() == null ? null : level.cpu().broker(), 2)).append(" |\n");
        }

        md.append("\nCores: average CPUs busy during the throughput phase (the machine has ").append(m.processors())
                .append("); the benchmark JVM holds the ingress, the hops, the end of chain and, for P3, the MongoDB server.\n");
        md.append("\n## Latency, open loop at ").append(s.rate())
                .append(" records/s, from each record's intended send time (ms)\n\n");
        latencyTable(md, report, true);
        md.append("\n## Latency during the throughput phase (saturated: mostly time queued behind the backlog, ms)\n\n");
        latencyTable(md, report, false);

        md.append("\n## Levels\n\n");
        for (LevelResult level : report.levels()) {
            md.append("- **").append(level.level()).append("** — ").append(level.description()).append(".");
            if (level.notes() != null) {
                md.append(" _").append(level.notes()).append("_");
            }
            md.append("\n");
        }
        md.append("\nCharts: `throughput.png`, `latency-paced.png`, `latency-saturated.png`.\n");
        return md.toString();
    }

    private static void latencyTable(StringBuilder md, Report report, boolean paced) {
        md.append("| Level | Records | p50 | p90 | p99 | p99.9 | max |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (LevelResult level : report.levels()) {
            Percentiles p = paced ? level.paced() : level.saturated();
            if (p == null) {
                continue;
            }
            md.append("| ").append(level.level()).append(" | ").append(p.count()).append(" | ").append(format(p.p50(), 2)).append(" | ")
                    .append(format(p.p90(), 2)).append(" | ").append(format(p.p99(), 2)).append(" | ").append(format(p.p999(), 2))
                    .append(" | ").append(format(p.max(), 2)).append(" |\n");
        }
    }

    static String target(String ratio, Double value) {
        if (Report.P2_P1.equals(ratio) || Report.P2_TUNED_P1.equals(ratio)) {
            return "≥ 0.50 (issue #12): " + (value != null && value >= 0.5 ? "met" : "missed");
        }
        return "";
    }

    static String format(Double value, int decimals) {
        return value == null ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
