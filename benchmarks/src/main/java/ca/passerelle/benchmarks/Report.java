package ca.passerelle.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of the ladder: where, with which settings, what each level measured and the ratios between levels of this
 * same run (the figures that matter on a shared machine whose absolute speed drifts).
 */
public record Report(String startedAt, Machine machine, Settings settings, String broker, String mongo, List<LevelResult> levels,
        PathwayResult pathway, StartupResult startup, Map<String, Double> ratios) {

    static final String P2_P1 = "P2/P1 throughput";
    static final String P2_JSON_P1 = "P2-json/P1 throughput";
    static final String P2_P2_JSON = "P2/P2-json throughput";
    static final String P3_P1 = "P3/P1 throughput";
    static final String P3_JSON_P1 = "P3-json/P1 throughput";
    static final String P3_P3_JSON = "P3/P3-json throughput";
    static final String P3_P2 = "P3/P2 throughput";
    static final String P3_P3_LIBRARY = "P3/P3-library throughput";
    static final String P1_P0 = "P1/P0-producer throughput";
    static final String P2_P1_P99 = "P2/P1 p99 latency (paced)";
    static final String P3_P1_P99 = "P3/P1 p99 latency (paced)";
    static final String P4_P1 = "P4/P1 throughput (case events/s at the max sustainable rate ÷ P1 records/s)";
    static final String P5_CDS_DEFAULT = "P5 whole stack ready: AppCDS / default";

    static Report of(String startedAt, Machine machine, Settings settings, String broker, String mongo, List<LevelResult> levels) {
        return of(startedAt, machine, settings, broker, mongo, levels, null, null);
    }

    static Report of(String startedAt, Machine machine, Settings settings, String broker, String mongo, List<LevelResult> levels,
            PathwayResult pathway, StartupResult startup) {
        return new Report(startedAt, machine, settings, broker, mongo, List.copyOf(levels), pathway, startup, ratios(levels, pathway, startup));
    }

    /** The ratios of this run; a ratio is absent when one of its two levels did not run. */
    static Map<String, Double> ratios(List<LevelResult> levels) {
        return ratios(levels, null, null);
    }

    static Map<String, Double> ratios(List<LevelResult> levels, PathwayResult pathway, StartupResult startup) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        ratio(levels, "P2", "P1", LevelResult::throughput).ifPresent(value -> ratios.put(P2_P1, value));
        ratio(levels, "P2-json", "P1", LevelResult::throughput).ifPresent(value -> ratios.put(P2_JSON_P1, value));
        ratio(levels, "P2", "P2-json", LevelResult::throughput).ifPresent(value -> ratios.put(P2_P2_JSON, value));
        ratio(levels, "P3", "P1", LevelResult::throughput).ifPresent(value -> ratios.put(P3_P1, value));
        ratio(levels, "P3-json", "P1", LevelResult::throughput).ifPresent(value -> ratios.put(P3_JSON_P1, value));
        ratio(levels, "P3", "P3-json", LevelResult::throughput).ifPresent(value -> ratios.put(P3_P3_JSON, value));
        ratio(levels, "P3", "P2", LevelResult::throughput).ifPresent(value -> ratios.put(P3_P2, value));
        ratio(levels, "P3", "P3-library", LevelResult::throughput).ifPresent(value -> ratios.put(P3_P3_LIBRARY, value));
        ratio(levels, "P1", "P0-producer", LevelResult::throughput).ifPresent(value -> ratios.put(P1_P0, value));
        ratio(levels, "P2", "P1", Report::pacedP99).ifPresent(value -> ratios.put(P2_P1_P99, value));
        ratio(levels, "P3", "P1", Report::pacedP99).ifPresent(value -> ratios.put(P3_P1_P99, value));
        Optional<Double> p1 = levels.stream().filter(l -> l.level().equals("P1")).findFirst().map(LevelResult::throughput);
        if (pathway != null && pathway.eventsPerSecondAtMax() != null && p1.isPresent() && p1.get() > 0) {
            ratios.put(P4_P1, Math.round(pathway.eventsPerSecondAtMax() / p1.get() * 1000) / 1000.0);
        }
        if (startup != null) {
            Optional<StartupResult.StartupRun> plain = startup.run("default");
            Optional<StartupResult.StartupRun> cds = startup.run("appcds");
            if (plain.isPresent() && cds.isPresent() && plain.get().stackReadySeconds() > 0) {
                ratios.put(P5_CDS_DEFAULT, Math.round(cds.get().stackReadySeconds() / plain.get().stackReadySeconds() * 1000) / 1000.0);
            }
        }
        return ratios;
    }

    Optional<LevelResult> level(String name) {
        return levels.stream().filter(level -> level.level().equals(name)).findFirst();
    }

    private static Double pacedP99(LevelResult level) {
        return level.paced() == null ? null : level.paced().p99();
    }

    private static Optional<Double> ratio(List<LevelResult> levels, String numerator, String denominator,
            java.util.function.Function<LevelResult, Double> figure) {
        Optional<Double> top = levels.stream().filter(l -> l.level().equals(numerator)).findFirst().map(figure);
        Optional<Double> bottom = levels.stream().filter(l -> l.level().equals(denominator)).findFirst().map(figure);
        if (top.isEmpty() || bottom.isEmpty() || bottom.get() == 0) {
            return Optional.empty();
        }
        return Optional.of(Math.round(top.get() / bottom.get() * 1000) / 1000.0);
    }
}
