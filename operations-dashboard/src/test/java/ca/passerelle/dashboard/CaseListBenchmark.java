package ca.passerelle.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import ca.passerelle.dashboard.cases.CaseCursor;
import ca.passerelle.dashboard.cases.CasePage;
import ca.passerelle.dashboard.cases.CaseSearch;
import ca.passerelle.dashboard.cases.CaseSummaryService;
import ca.passerelle.dashboard.cases.SlaState;
import ca.passerelle.dashboard.cases.Stage;
import ca.passerelle.dashboard.cases.TerminalReason;
import ca.passerelle.dashboard.cases.WorkQueue;
import ca.passerelle.events.rehab.AlertSeverity;

/**
 * Not a test of speed (nothing here fails on a duration): loads 100,000 case summaries into the read model and prints
 * the case list's latencies — first page, keyset pages deep into the list, an offset page for comparison, each filter,
 * the SLA counts and a work queue. Runs only with {@code -Pbenchmark} (the name does not match the test patterns):
 * <pre>
 * ./mvnw -B -o -pl operations-dashboard verify -Pbenchmark -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CaseListBenchmark
 * </pre>
 * The numbers say which server they ran on: mongo-java-server (the test infrastructure) scans instead of using the
 * declared indexes, so real MongoDB numbers must be taken against a real server ({@code TEST_INFRA} mode, see
 * test-infrastructure).
 */
@DashboardIntegrationTest
@Tag("benchmark")
class CaseListBenchmark {

    private static final int CASES = 100_000;
    private static final int RUNS = 5;
    private static final Stage[] OPEN_STAGES = Arrays.stream(Stage.values()).filter(stage -> stage != Stage.CLOSED).toArray(Stage[]::new);

    @Autowired
    MongoTemplate mongo;
    @Autowired
    CaseSummaryService cases;

    @Test
    void printsCaseListLatenciesWithOneHundredThousandCases() {
        load();
        String server = mongo.getDb().runCommand(new Document("buildInfo", 1)).get("version", "unknown");
        System.out.printf("%nCase list benchmark: %,d summaries, MongoDB-compatible server version %s%n", CASES, server);

        CasePage first = time("first page (20), no filter", () -> cases.search(search(null, null, null, null, null, null)));
        assertThat(first.items()).hasSize(20);
        assertThat(first.total()).isGreaterThanOrEqualTo(CASES);

        CasePage page = first;
        long started = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            page = cases.search(new CaseSearch(null, null, null, null, null, null, null, page.next(), 0, 20));
        }
        System.out.printf("  %-48s %8.1f ms per page (50 pages followed)%n", "keyset pages 2-51 via the cursor",
                (System.nanoTime() - started) / 1e6 / 50);
        assertThat(page.items()).hasSize(20);

        time("offset page 2,500 (skip 49,980)", () -> cases.search(new CaseSearch(null, null, null, null, null, null, null, null, 2499, 20)));
        time("stage = AWAITING_EVALUATION", () -> cases.search(search(Stage.AWAITING_EVALUATION, null, null, null, null, null)));
        time("clinic = clinic-bench-07", () -> cases.search(search(null, "clinic-bench-07", null, null, null, null)));
        time("hospital = fr-bench-03", () -> cases.search(search(null, null, "fr-bench-03", null, null, null)));
        CasePage alerted = time("open alert", () -> cases.search(search(null, null, null, true, null, null)));
        assertThat(alerted.items()).allSatisfy(summary -> assertThat(summary.hasOpenAlert()).isTrue());
        time("SLA = BREACHED", () -> cases.search(search(null, null, null, null, SlaState.BREACHED, null)));
        time("queue = TRAVEL_TO_FINALISE", () -> cases.search(search(null, null, null, null, null, WorkQueue.TRAVEL_TO_FINALISE)));
        time("case id prefix c-bench-0420", () -> cases.search(new CaseSearch(null, null, null, null, null, null, "c-bench-0420", null, 0, 20)));
        time("SLA counts (overview)", cases::countSla);
        time("counts per stage (overview)", cases::countByStage);
        time("queue AWAITING_HOSPITAL_CHOICE, first 20", () -> cases.queue(WorkQueue.AWAITING_HOSPITAL_CHOICE, 20));
    }

    private static CaseSearch search(Stage stage, String clinic, String hospital, Boolean alert, SlaState sla, WorkQueue queue) {
        return new CaseSearch(stage, clinic, hospital, alert, sla, queue, null, (CaseCursor) null, 0, 20);
    }

    private static <T> T time(String what, Supplier<T> query) {
        T result = query.get(); // warm-up
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            result = query.get();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        System.out.printf("  %-48s %8.1f ms (median of %d)%n", what, nanos[RUNS / 2] / 1e6, RUNS);
        return result;
    }

    private void load() {
        Random random = new Random(100_000);
        Instant now = Instant.now();
        long started = System.nanoTime();
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            boolean closed = random.nextInt(5) == 0;
            Stage stage = closed ? Stage.CLOSED : OPEN_STAGES[random.nextInt(OPEN_STAGES.length)];
            Instant last = now.minus(Duration.ofMinutes(random.nextInt(2 * 365 * 24 * 60)));
            Instant since = last.minus(Duration.ofMinutes(random.nextInt(30 * 24 * 60)));
            boolean alert = !closed && random.nextInt(20) == 0;
            Document summary = new Document("_id", String.format("c-bench-%06d", i))
                    .append("stage", stage.name())
                    .append("status", "benchmark")
                    .append("stageSince", java.util.Date.from(since))
                    .append("terminal", closed)
                    .append("clinicId", String.format("clinic-bench-%02d", random.nextInt(50)))
                    .append("hospitalId", stage.ordinal() >= Stage.AWAITING_HOSPITAL_CONFIRMATION.ordinal()
                            ? String.format("fr-bench-%02d", random.nextInt(10)) : null)
                    .append("openedAt", java.util.Date.from(since.minus(Duration.ofDays(30))))
                    .append("lastEventAt", java.util.Date.from(last))
                    .append("travelReady", random.nextBoolean())
                    .append("hasOpenAlert", alert)
                    .append("openAlertCount", alert ? 1 : 0)
                    .append("openAlertRank", alert ? random.nextInt(3) : 9)
                    .append("openAlertSeverities", alert ? List.of(AlertSeverity.values()[random.nextInt(3)].name()) : List.of())
                    .append("alerts", List.of()).append("blockers", List.of()).append("facts", List.of())
                    .append("consumedEventIds", List.of()).append("outbox", List.of()).append("version", 1L);
            if (closed) {
                summary.append("terminalReason", TerminalReason.values()[random.nextInt(TerminalReason.values().length)].name());
            }
            batch.add(summary);
            if (batch.size() == 5_000) {
                mongo.getCollection("case-summaries").insertMany(batch);
                batch.clear();
            }
        }
        System.out.printf("%nLoaded %,d summaries in %.1f s%n", CASES, (System.nanoTime() - started) / 1e9);
    }
}
