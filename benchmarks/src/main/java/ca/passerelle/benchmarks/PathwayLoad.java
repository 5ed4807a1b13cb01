package ca.passerelle.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import ca.passerelle.benchmarks.PathwayResult.RateStep;
import ca.passerelle.events.Topics;
import ca.passerelle.localstack.DemoData;
import ca.passerelle.localstack.LocalStack;
import ca.passerelle.localstack.PathwayClient;

import tools.jackson.databind.JsonNode;

/**
 * P4: the whole pathway through the running local stack — the intake API with a clinic's bearer token (security),
 * identifiers and free text encrypted by intake, the outbox relay, Kafka, the assessment service, the dashboard's
 * projection, metrics on everywhere — driven by an open-loop generator: case {@code i} of a step is due at
 * {@code start + i / rate}, a pool of senders posts it (waiting for a free sender counts), and every stage's latency
 * counts from that due time, so a slow answer cannot hold back the schedule (no coordinated omission).
 *
 * <p>Stages: {@code accepted} (intake answered 201), {@code case-opened} (the CaseOpened event read from the intake
 * topic), {@code assessed} (the assessment service's first event for the case read from its topic; the end to end of
 * this level), {@code dashboard} (the dashboard's timeline of the case shows the assessment's event; 1 case in
 * {@value #DASHBOARD_SAMPLE} polled every {@value #DASHBOARD_POLL_MS} ms, so ±{@value #DASHBOARD_POLL_MS} ms).
 */
final class PathwayLoad {

    static final int DASHBOARD_SAMPLE = 10;
    static final int DASHBOARD_POLL_MS = 100;
    static final double P99_LIMIT_MS = 250;
    private static final int SENDERS = 96;
    /** Seconds with no load after the warm-up, to measure what the stack uses when idle. */
    static final int IDLE_SECONDS = 8;
    /** Recorded with JFR during the steps when {@code -Dbenchmark.jfr=<folder>} is set. */
    private static final List<ca.passerelle.localstack.Component> PROFILED = List.of(ca.passerelle.localstack.Component.INTAKE,
            ca.passerelle.localstack.Component.ASSESSMENT, ca.passerelle.localstack.Component.DASHBOARD);

    private final LocalStack stack;
    private final PathwayClient client;
    private final List<Double> rates;
    private final int stepSeconds;
    private final int drainSeconds;
    private final int warmupCases;
    private final long deadlineNanos;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Long> caseOpenedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> assessedAt = new ConcurrentHashMap<>();
    private final AtomicLong eventsSeen = new AtomicLong();

    PathwayLoad(LocalStack stack, List<Double> rates, int stepSeconds, int drainSeconds, int warmupCases, long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
        this.stack = stack;
        this.client = new PathwayClient(stack);
        this.rates = rates;
        this.stepSeconds = stepSeconds;
        this.drainSeconds = drainSeconds;
        this.warmupCases = warmupCases;
    }

    /** One case as the generator tracks it. */
    private static final class Case {
        final long due;
        volatile String caseId;
        volatile long acceptedAt = -1;
        volatile long dashboardAt = -1;
        volatile String error;

        Case(long due) {
            this.due = due;
        }
    }

    PathwayResult run() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        ScheduledExecutorService pollers = Executors.newScheduledThreadPool(4);
        Thread reader = new Thread(this::readTopics, "p4-topics");
        reader.setDaemon(true);
        reader.start();
        List<RateStep> steps = new ArrayList<>();
        String stopReason = "every rate step passed";
        Double firstP99 = null;
        Map<String, Double> idle = null;
        RateStep confirmation = null;
        try {
            say("warm-up: " + warmupCases + " cases at 5/s");
            RateStep warm = step(senders, pollers, 5, warmupCases);
            say(String.format(java.util.Locale.ROOT, "warm-up done: %d/%d assessed", warm.assessed(), warm.cases()));
            Map<String, Double> before = ProcessCpu.snapshot();
            long idleStart = System.nanoTime();
            Thread.sleep(IDLE_SECONDS * 1000L);
            idle = ProcessCpu.coresSince(before, (System.nanoTime() - idleStart) / 1e9);
            say("idle: " + idle);
            Flight.start(stack, PROFILED);
            for (double rate : rates) {
                if (System.nanoTime() + Duration.ofSeconds(stepSeconds + drainSeconds + 5).toNanos() > deadlineNanos) {
                    stopReason = "the run's time budget (benchmark.budget.seconds) ended before the rate " + rate;
                    break;
                }
                int cases = (int) Math.max(1, Math.round(rate * stepSeconds));
                say("rate " + rate + " cases/s for " + stepSeconds + " s (" + cases + " cases)");
                RateStep step = step(senders, pollers, rate, cases);
                steps.add(step);
                Percentiles end = step.stages().get("assessed");
                say(String.format(java.util.Locale.ROOT, "rate %.0f: %d/%d accepted, %d assessed, %.0f events/s, assessed p50 %s p99 %s ms%s",
                        rate, step.accepted(), step.cases(), step.assessed(), step.eventsPerSecond(), ResultsWriter.format(end.p50(), 0),
                        ResultsWriter.format(end.p99(), 0), step.sustainable() ? "" : " — not sustainable"));
                if (!step.sustainable()) {
                    stopReason = String.format(java.util.Locale.ROOT, "at %.0f cases/s the lag grew or cases were not assessed within %d s of the step's end",
                            rate, drainSeconds);
                    break;
                }
                if (firstP99 == null) {
                    firstP99 = end.p99();
                }
                double limit = Math.max(P99_LIMIT_MS, firstP99 == null ? 0 : 2 * firstP99);
                if (end.p99() != null && end.p99() > limit) {
                    stopReason = String.format(java.util.Locale.ROOT, "at %.0f cases/s the end-to-end p99 (%.0f ms) passed %.0f ms%s", rate, end.p99(),
                            limit, limit > P99_LIMIT_MS ? " (twice the first step's p99, the limit when that is above 125 ms)" : "");
                    break;
                }
            }
            confirmation = confirmHalfRate(senders, pollers, steps, deadlineNanos);
        } finally {
            Flight.stop(stack, PROFILED);
            senders.shutdownNow();
            pollers.shutdownNow();
            reader.interrupt();
        }
        RateStep max = steps.stream().filter(RateStep::sustainable).reduce((a, b) -> b).orElse(null);
        Double p99AtHalf = null;
        if (confirmation != null) {
            steps.add(confirmation);
            p99AtHalf = confirmation.stages().get("assessed").p99();
        } else if (max != null) {
            double half = max.rate() / 2;
            p99AtHalf = steps.stream().filter(s -> Math.abs(s.rate() - half) < 0.01).findFirst()
                    .map(s -> s.stages().get("assessed").p99()).orElse(null);
        }
        return new PathwayResult(description(), steps, max == null ? null : max.rate(), max == null ? null : max.eventsPerSecond(), p99AtHalf,
                stopReason, idle);
    }

    /**
     * The p99 target is judged at half the maximum sustainable rate; a stepping step holds too few cases for its p99 to
     * be more than its slowest one or two. So that rate runs once more, for {@code benchmark.p4.confirm.seconds} (40),
     * after the stepping. Null when no step was sustainable or the time budget does not allow it.
     */
    private RateStep confirmHalfRate(ExecutorService senders, ScheduledExecutorService pollers, List<RateStep> steps, long deadlineNanos)
            throws InterruptedException {
        RateStep max = steps.stream().filter(RateStep::sustainable).reduce((a, b) -> b).orElse(null);
        int seconds = Integer.getInteger("benchmark.p4.confirm.seconds", 40);
        if (max == null || seconds <= 0
                || System.nanoTime() + Duration.ofSeconds(seconds + drainSeconds + 5).toNanos() > deadlineNanos) {
            return null;
        }
        double half = max.rate() / 2;
        int cases = (int) Math.max(1, Math.round(half * seconds));
        say("confirmation: half the maximum sustainable rate, " + half + " cases/s for " + seconds + " s (" + cases + " cases)");
        RateStep step = step(senders, pollers, half, cases);
        Percentiles end = step.stages().get("assessed");
        say(String.format(java.util.Locale.ROOT, "confirmation at %.1f: %d/%d accepted, %d assessed, assessed p50 %s p99 %s ms", half,
                step.accepted(), step.cases(), step.assessed(), ResultsWriter.format(end.p50(), 0), ResultsWriter.format(end.p99(), 0)));
        return new RateStep(step.rate(), step.cases(), step.accepted(), step.assessed(), step.seconds(), step.eventsPerSecond(), step.stages(),
                step.sustainable(), step.lagGrowing(), step.cores(), "confirmation at half the maximum sustainable rate, " + seconds + " s, after the stepping"
                        + (step.notes() == null ? "" : "; " + step.notes()));
    }

    private RateStep step(ExecutorService senders, ScheduledExecutorService pollers, double rate, int count) throws InterruptedException {
        Map<String, Double> cpuBefore = ProcessCpu.snapshot();
        long wallBefore = System.nanoTime();
        List<Case> cases = new ArrayList<>(count);
        long periodNanos = (long) (1e9 / rate);
        long startNanos = System.nanoTime() + 50_000_000L;
        long startMicros = Micros.now() + 50_000L;
        for (int i = 0; i < count; i++) {
            long dueNanos = startNanos + i * periodNanos;
            long wait = dueNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Case c = new Case(startMicros + (dueNanos - startNanos) / 1000);
            cases.add(c);
            boolean sampled = i % DASHBOARD_SAMPLE == 0;
            senders.execute(() -> open(c, sampled, pollers));
        }
        long lastDueMicros = cases.get(cases.size() - 1).due;
        long deadlineNanos = System.nanoTime() + Duration.ofSeconds(drainSeconds).toNanos();
        while (System.nanoTime() < deadlineNanos && !allDone(cases)) {
            Thread.sleep(50);
        }
        // the sampled dashboard polls finish within their own deadline
        Thread.sleep(Math.min(2 * DASHBOARD_POLL_MS, Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000)));
        Map<String, Double> cores = ProcessCpu.coresSince(cpuBefore, (System.nanoTime() - wallBefore) / 1e9);
        return summarise(rate, cases, lastDueMicros, cores);
    }

    private boolean allDone(List<Case> cases) {
        for (Case c : cases) {
            if (c.error == null && (c.caseId == null || !assessedAt.containsKey(c.caseId))) {
                return false;
            }
        }
        return true;
    }

    private void open(Case c, boolean sampled, ScheduledExecutorService pollers) {
        long n = sequence.incrementAndGet();
        try {
            JsonNode answer = client.openCase(DemoData.caseRequest(patient(n), List.of(), 180), "bench-p4-" + n + "-" + c.due);
            c.acceptedAt = Micros.now();
            c.caseId = answer.path("caseId").asString();
            if (sampled) {
                pollDashboard(c, pollers, System.nanoTime() + Duration.ofSeconds(drainSeconds + stepSeconds).toNanos());
            }
        } catch (RuntimeException e) {
            c.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private void pollDashboard(Case c, ScheduledExecutorService pollers, long deadlineNanos) {
        pollers.schedule(() -> {
            if (!assessedAt.containsKey(c.caseId) && System.nanoTime() < deadlineNanos) {
                // the dashboard cannot show the verdict before it is on the topic: no request until then
                pollDashboard(c, pollers, deadlineNanos);
                return;
            }
            try {
                var timeline = client.dashboardTimeline(c.caseId);
                if (timeline.isPresent() && hasAssessmentEntry(timeline.get())) {
                    c.dashboardAt = Micros.now();
                    return;
                }
            } catch (RuntimeException e) {
                // the dashboard not ready for it yet: poll again
            }
            if (System.nanoTime() < deadlineNanos) {
                pollDashboard(c, pollers, deadlineNanos);
            }
        }, DASHBOARD_POLL_MS, TimeUnit.MILLISECONDS);
    }

    private static boolean hasAssessmentEntry(JsonNode timeline) {
        JsonNode entries = timeline.isArray() ? timeline : timeline.path("entries");
        for (JsonNode entry : entries) {
            if (entry.path("type").asString().contains(".assessment.")) {
                return true;
            }
        }
        return false;
    }

    private RateStep summarise(double rate, List<Case> cases, long lastDueMicros, Map<String, Double> cores) {
        Map<String, Histogram> stages = new LinkedHashMap<>();
        PathwayResult.STAGES.forEach(stage -> stages.put(stage, new Histogram(3)));
        long accepted = 0;
        long assessed = 0;
        long events = 0;
        long lastAssessed = 0;
        List<String> errors = new ArrayList<>();
        List<Long> assessedLags = new ArrayList<>();
        for (Case c : cases) {
            if (c.error != null) {
                if (errors.size() < 3) {
                    errors.add(c.error.length() > 160 ? c.error.substring(0, 160) : c.error);
                }
                continue;
            }
            if (c.acceptedAt < 0) {
                continue;
            }
            accepted++;
            stages.get("accepted").recordValue(Math.max(0, c.acceptedAt - c.due));
            Long opened = caseOpenedAt.get(c.caseId);
            if (opened != null) {
                events++;
                stages.get("case-opened").recordValue(Math.max(0, opened - c.due));
            }
            Long done = assessedAt.get(c.caseId);
            if (done != null) {
                events++;
                assessed++;
                long lag = Math.max(0, done - c.due);
                stages.get("assessed").recordValue(lag);
                assessedLags.add(lag);
                lastAssessed = Math.max(lastAssessed, done);
            }
            if (c.dashboardAt > 0) {
                stages.get("dashboard").recordValue(Math.max(0, c.dashboardAt - c.due));
            }
        }
        double seconds = lastAssessed == 0 ? 0 : (lastAssessed - cases.get(0).due) / 1e6;
        boolean growing = lagGrowing(assessedLags);
        boolean sustainable = accepted == cases.size() && assessed == cases.size() && !growing;
        Map<String, Percentiles> percentiles = new LinkedHashMap<>();
        stages.forEach((stage, histogram) -> percentiles.put(stage, Percentiles.of(histogram)));
        String notes = errors.isEmpty() ? null : "errors: " + String.join(" | ", errors);
        return new RateStep(rate, cases.size(), accepted, assessed, Math.round(seconds * 100) / 100.0,
                seconds == 0 ? 0 : Math.round(events / seconds * 10) / 10.0, percentiles, sustainable, growing, cores, notes);
    }

    /** The median lag of the last third of the cases (in due order) more than twice the first third's plus 100 ms. */
    static boolean lagGrowing(List<Long> lagsInDueOrder) {
        int third = lagsInDueOrder.size() / 3;
        if (third < 3) {
            return false;
        }
        long first = median(lagsInDueOrder.subList(0, third));
        long last = median(lagsInDueOrder.subList(lagsInDueOrder.size() - third, lagsInDueOrder.size()));
        return last > 2 * first + 100_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /** Reads the intake and assessment topics, remembering when each case's first event of each arrived. */
    private void readTopics() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-p4-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.INTAKE, Topics.ASSESSMENT));
            while (!Thread.currentThread().isInterrupted()) {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = Micros.now();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (record.key() == null) {
                        continue;
                    }
                    eventsSeen.incrementAndGet();
                    String caseId = new String(record.key(), StandardCharsets.UTF_8);
                    if (record.topic().equals(Topics.ASSESSMENT)) {
                        assessedAt.putIfAbsent(caseId, now);
                    } else if (record.value() != null && new String(record.value(), StandardCharsets.UTF_8).contains("case-opened")) {
                        caseOpenedAt.putIfAbsent(caseId, now);
                    }
                }
            }
        } catch (WakeupException | org.apache.kafka.common.errors.InterruptException e) {
            // stopping
        }
    }

    /** A distinct patient per case: intake refuses a second open case for one RAMQ number. */
    static DemoData.Patient patient(long n) {
        char[] letters = new char[4];
        long rest = n;
        for (int i = 3; i >= 0; i--) {
            letters[i] = (char) ('A' + rest % 26);
            rest /= 26;
        }
        String family = "" + letters[0] + Character.toLowerCase(letters[1]) + Character.toLowerCase(letters[2]) + "bench";
        String first = letters[3] + "ora";
        int admin = (int) (rest % 90) + 10;
        String ramq = new String(letters) + " 7453 12" + admin;
        return new DemoData.Patient(family, first, "1974-03-12", "F", ramq, "QC-13");
    }

    String description() {
        return "open-loop fixed-rate load on the whole local stack: case i of a step due at start + i/rate, posted to intake's "
                + "POST /api/cases with a clinic's bearer token by a pool of " + SENDERS + " senders (waiting for a sender counts); "
                + "stages measured from the due time: accepted = 201 from intake (identifiers and free text encrypted, case and "
                + "outbox written), case-opened = CaseOpened read from " + Topics.INTAKE + ", assessed = the assessment service's first "
                + "event for the case read from " + Topics.ASSESSMENT + " (end to end), dashboard = the dashboard's timeline of the "
                + "case shows the assessment's event (1 case in " + DASHBOARD_SAMPLE + ", polled every " + DASHBOARD_POLL_MS + " ms with a "
                + "coordinator's token once the event is on its topic); each step runs " + stepSeconds + " s, then up to " + drainSeconds + " s for the last cases; "
                + "the stepping stops when a case is not assessed in time, the lag grows (last third's median more than twice the "
                + "first third's + 100 ms), or the assessed p99 passes " + (int) P99_LIMIT_MS + " ms (or twice the first step's p99 when "
                + "that was already above " + (int) P99_LIMIT_MS + " ms)";
    }

    private static void say(String message) {
        System.out.println("[P4] " + message);
    }
}
