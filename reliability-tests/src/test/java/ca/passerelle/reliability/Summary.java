package ca.passerelle.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Prints one scenario's figure line and appends it to {@code target/reliability/summary.md} and {@code summary.json}. */
final class Summary {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path FOLDER = Path.of("target", "reliability");

    private Summary() {
    }

    static synchronized void record(Figures figures, boolean passed) {
        System.out.println(figures.line() + (passed ? "" : "  ← FAILED"));
        try {
            Files.createDirectories(FOLDER);
            Path markdown = FOLDER.resolve("summary.md");
            if (!Files.exists(markdown)) {
                Files.writeString(markdown, """
                        # Reliability suite — figures per scenario

                        | when (UTC) | scenario | sent | completed | observed | lost | visible dup. (topic) | visible dup. (state) | order violations | dead letters | refused HTTP | recovery (s) | result |
                        |---|---|---|---|---|---|---|---|---|---|---|---|---|
                        """);
            }
            Files.writeString(markdown, String.format("| %s | %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %.1f | %s |%n",
                    Instant.now().toString().substring(0, 19), figures.scenario(), figures.sent(), figures.completed(), figures.observed(),
                    figures.lost(), figures.visibleDuplicates(), figures.stateDuplicates(), figures.orderViolations(), figures.deadLetters(),
                    figures.refused(), figures.recovery().toMillis() / 1000.0, passed ? "pass" : "FAIL"), StandardOpenOption.APPEND);
            Path json = FOLDER.resolve("summary.json");
            ArrayNode rows = Files.exists(json) ? (ArrayNode) JSON.readTree(json.toFile()) : JSON.createArrayNode();
            ObjectNode row = rows.addObject().put("at", Instant.now().toString()).put("scenario", figures.scenario())
                    .put("sent", figures.sent()).put("completed", figures.completed()).put("observed", figures.observed())
                    .put("distinct", figures.distinct()).put("lost", figures.lost()).put("visibleDuplicatesTopic", figures.visibleDuplicates())
                    .put("visibleDuplicatesState", figures.stateDuplicates()).put("orderViolations", figures.orderViolations())
                    .put("deadLetters", figures.deadLetters()).put("refusedHttp", figures.refused())
                    .put("recoveryMillis", figures.recovery().toMillis()).put("passed", passed);
            figures.lostSamples().forEach(row.putArray("lostSamples")::add);
            Files.writeString(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
