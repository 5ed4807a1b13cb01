package ca.passerelle.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders a run again from its {@code results.json} (same measurements; ratios, table and charts recomputed by the
 * current writer): {@code java -cp … ca.passerelle.benchmarks.Rerender docs/benchmarks}.
 */
public final class Rerender {

    private Rerender() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args.length > 0 ? args[0] : "target/benchmarks");
        Report stored = ResultsWriter.read(Files.readString(directory.resolve(ResultsWriter.JSON)));
        Report report = Report.of(stored.startedAt(), stored.machine(), stored.settings(), stored.broker(), stored.mongo(), stored.levels(),
                stored.pathway(), stored.startup());
        ResultsWriter.write(report, directory);
        Charts.write(report, directory);
        System.out.println("rendered " + directory.toAbsolutePath());
    }
}
