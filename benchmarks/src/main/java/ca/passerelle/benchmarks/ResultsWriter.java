package ca.passerelle.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        pathway(md, report.pathway());
        startup(md, report.startup());
        md.append("\nCharts: `throughput.png`, `latency-paced.png`, `latency-saturated.png`");
        if (report.pathway() != null) {
            md.append(", `").append(Charts.PATHWAY_LATENCY).append("`");
        }
        if (report.startup() != null) {
            md.append(", `").append(Charts.RSS).append("`, `").append(Charts.STARTUP).append("`");
        }
        md.append(".\n");
        return md.toString();
    }

    private static void pathway(StringBuilder md, PathwayResult pathway) {
        if (pathway == null) {
            return;
        }
        md.append("\n## P4 — the full pathway through the local stack, open loop, rate stepped up\n\n");
        md.append("Max sustainable rate: **").append(format(pathway.maxSustainableRate(), 0)).append(" cases/s** (")
                .append(format(pathway.eventsPerSecondAtMax(), 1)).append(" case events/s; target ≥ 500: ")
                .append(pathway.eventsPerSecondAtMax() != null && pathway.eventsPerSecondAtMax() >= 500 ? "met" : "missed")
                .append("). End-to-end (assessed) p99 at half that rate: ").append(format(pathway.p99AtHalfMaxMs(), 0))
                .append(" ms (target ≤ 250: ").append(pathway.p99AtHalfMaxMs() == null ? "not measured"
                        : pathway.p99AtHalfMaxMs() <= 250 ? "met" : "missed").append("). Stopped: ").append(pathway.stopReason()).append(".\n\n");
        md.append("| Rate (cases/s) | Cases | Accepted | Assessed | Events/s | Sustainable |");
        for (String stage : PathwayResult.STAGES) {
            md.append(" ").append(stage).append(" p50 / p99 ms |");
        }
        md.append("\n|---:|---:|---:|---:|---:|---|");
        PathwayResult.STAGES.forEach(stage -> md.append("---|"));
        md.append("\n");
        for (PathwayResult.RateStep step : pathway.steps()) {
            md.append("| ").append(format(step.rate(), 0)).append(" | ").append(step.cases()).append(" | ").append(step.accepted()).append(" | ")
                    .append(step.assessed()).append(" | ").append(format(step.eventsPerSecond(), 1)).append(" | ")
                    .append(step.sustainable() ? "yes" : step.lagGrowing() ? "no (lag growing)" : "no").append(" |");
            for (String stage : PathwayResult.STAGES) {
                Percentiles p = step.stages().get(stage);
                md.append(" ").append(p == null || p.count() == 0 ? "–" : format(p.p50(), 0) + " / " + format(p.p99(), 0)).append(" |");
            }
            md.append("\n");
        }
        for (PathwayResult.RateStep step : pathway.steps()) {
            if (step.notes() != null) {
                md.append("\n- ").append(format(step.rate(), 0)).append(" cases/s: ").append(step.notes());
            }
        }
        java.util.Set<String> processes = new java.util.LinkedHashSet<>();
        pathway.steps().forEach(step -> {
            if (step.cores() != null) {
                processes.addAll(step.cores().keySet());
            }
        });
        if (!processes.isEmpty()) {
            boolean idle = pathway.idleCores() != null;
            md.append("\n\nCores busy per process during each step (the machine has 2):\n\n| Process |");
            if (idle) {
                md.append(" idle |");
            }
            pathway.steps().forEach(step -> md.append(" ").append(format(step.rate(), 0)).append("/s |"));
            md.append("\n|---|");
            if (idle) {
                md.append("---:|");
            }
            pathway.steps().forEach(step -> md.append("---:|"));
            md.append("\n");
            for (String process : processes) {
                md.append("| ").append(process).append(" |");
                if (idle) {
                    md.append(" ").append(format(pathway.idleCores().get(process), 2)).append(" |");
                }
                pathway.steps().forEach(step -> md.append(" ").append(format(step.cores() == null ? null : step.cores().get(process), 2)).append(" |"));
                md.append("\n");
            }
        }
        md.append("\n\n").append(pathway.description()).append(".\n");
    }

    private static void startup(StringBuilder md, StartupResult startup) {
        if (startup == null) {
            return;
        }
        md.append("\n## P5 — start-up time and memory of the whole local stack, cold, services at ").append(startup.heap()).append("\n\n");
        md.append("| Run | Whole stack ready (s) | Services' RSS total (MiB) | AppCDS archive mapped |\n|---|---:|---:|---|\n");
        for (StartupResult.StartupRun run : startup.runs()) {
            md.append("| ").append(run.variant()).append(" | ").append(format(run.stackReadySeconds(), 1)).append(" | ").append(run.rssTotalMiB())
                    .append(" | ").append(run.archivesMapped() < 0 ? "–" : run.archivesMapped() + "/" + run.services().size()).append(" |\n");
        }
        md.append("\nTarget: whole stack ready ≤ 60 s cold — ");
        for (StartupResult.StartupRun run : startup.runs()) {
            md.append(run.variant()).append(": ").append(run.stackReadySeconds() <= 60 ? "met" : "missed").append("; ");
        }
        md.append("each service ≤ 400 MB RSS at ").append(startup.heap()).append(".\n\n");
        md.append("| Service |");
        startup.runs().forEach(run -> md.append(" ").append(run.variant()).append(": ready s / RSS MiB / CPU s |"));
        boolean afterLoad = startup.runs().stream().anyMatch(run -> run.services().stream().anyMatch(s -> s.rssAfterLoadMiB() != null));
        if (afterLoad) {
            md.append(" RSS after P4 load MiB |");
        }
        md.append("\n|---|");
        startup.runs().forEach(run -> md.append("---:|"));
        if (afterLoad) {
            md.append("---:|");
        }
        md.append("\n");
        List<StartupResult.StartupRun> runs = startup.runs();
        for (int i = 0; i < runs.get(0).services().size(); i++) {
            md.append("| ").append(runs.get(0).services().get(i).service()).append(" |");
            Long loaded = null;
            for (StartupResult.StartupRun run : runs) {
                StartupResult.ServiceStartup service = run.services().get(i);
                md.append(" ").append(format(service.readySeconds(), 1)).append(" / ").append(service.rssMiB())
                        .append(service.rssMiB() * 1.048576 > 400 ? " (over 400 MB)" : "").append(" / ")
                        .append(format(service.cpuSeconds(), 1)).append(" |");
                if (service.rssAfterLoadMiB() != null) {
                    loaded = service.rssAfterLoadMiB();
                }
            }
            if (afterLoad) {
                md.append(" ").append(loaded == null ? "–" : loaded.toString()).append(" |");
            }
            md.append("\n");
        }
        md.append("\nReady: from the service's launch until it first answered UP (health polled every 500 ms; the identity provider's "
                + "includes the broker's start, which the launcher awaits before polling; the other services start together on the "
                + "machine's cores). RSS: VmRSS from /proc/<pid>/status right after the whole stack was ready (400 MB = 381 MiB). CPU: "
                + "the JVM's CPU time (all threads) at that moment, from /proc/<pid>/stat.\n\n");
        for (StartupResult.StartupRun run : runs) {
            md.append("- **").append(run.variant()).append("** — ").append(run.description()).append(".\n");
        }
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
        if (Report.P2_P1.equals(ratio) || Report.P2_JSON_P1.equals(ratio)) {
            return "≥ 0.50 (issue #12): " + (value != null && value >= 0.5 ? "met" : "missed");
        }
        if (ratio.startsWith("P4/P1")) {
            return "≥ 0.25 (issue #12): " + (value != null && value >= 0.25 ? "met" : "missed");
        }
        return "";
    }

    static String format(Double value, int decimals) {
        return value == null ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
