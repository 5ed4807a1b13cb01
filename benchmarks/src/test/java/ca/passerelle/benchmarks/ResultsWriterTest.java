package ca.passerelle.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results writer and the ratio arithmetic; figures here are made up, nothing is timed. */
class ResultsWriterTest {

    private static final Settings SETTINGS = new Settings(1000, 200, 100, 50, 200, 10, 60, List.of("P1", "P2", "P3"), "target/x",
            List.of(5.0, 10.0), 15, 15, 50, "..");
    private static final Machine MACHINE = new Machine(2, 4096, "test CPU", "Linux", "17", "test");

    @Test
    void ratiosAreTakenBetweenLevelsOfTheSameRun() {
        List<LevelResult> levels = List.of(level("P1", 4000, 20.0), level("P2", 2500, 30.0), level("P2-json", 1000, 20.0),
                level("P3", 500, 80.0), level("P3-json", 400, 60.0));

        Report report = Report.of("2026-01-01T00:00:00Z", MACHINE, SETTINGS, "broker", "mongo", levels);

        assertThat(report.ratios()).containsEntry(Report.P2_P1, 0.625).containsEntry(Report.P3_P1, 0.125)
                .containsEntry(Report.P3_P2, 0.2).containsEntry(Report.P2_JSON_P1, 0.25).containsEntry(Report.P2_P2_JSON, 2.5).containsEntry(Report.P3_JSON_P1, 0.1)
                .containsEntry(Report.P3_P3_JSON, 1.25).containsEntry(Report.P2_P1_P99, 1.5).containsEntry(Report.P3_P1_P99, 4.0)
                .doesNotContainKey(Report.P1_P0);
    }

    @Test
    void aRatioWhoseLevelDidNotRunIsAbsentNotZero() {
        Report report = Report.of("t", MACHINE, SETTINGS, "broker", "mongo", List.of(level("P2", 2500, 30.0)));

        assertThat(report.ratios()).isEmpty();
    }

    @Test
    void theTableStatesEachRatioWithItsTargetAndEachAbsoluteFigure() {
        Report report = Report.of("t", MACHINE, SETTINGS, "broker", "mongo",
                List.of(level("P1", 4000, 20.0), level("P2", 1000, 30.0)));

        String markdown = ResultsWriter.markdown(report);

        assertThat(markdown).contains("| P2/P1 throughput | 0.250 | ≥ 0.50 (issue #12): missed |")
                .contains("| P1 | P1 chain | 1000 | 1000 | 0.25 | 4000 | 1.000 | 1024 | 1.50 | 0.40 |")
                .contains("| P2 | P2 chain | 1000 | 1000 | 1.00 | 1000 | 0.250 | 1024 | 1.50 | 0.40 |")
                .contains("| P2 | 200 | 10.00 | 20.00 | 30.00 | 40.00 | 50.00 |");
    }

    @Test
    void theJsonReadsBackAndTheChartsArePngs(@TempDir Path directory) throws Exception {
        Report report = Report.of("t", MACHINE, SETTINGS, "broker", "mongo", List.of(level("P1", 4000, 20.0), level("P2", 3000, 25.0)));

        ResultsWriter.write(report, directory);
        Charts.write(report, directory);

        assertThat(ResultsWriter.read(Files.readString(directory.resolve(ResultsWriter.JSON)))).isEqualTo(report);
        assertThat(directory.resolve(ResultsWriter.MARKDOWN)).exists();
        for (String chart : List.of(Charts.THROUGHPUT, Charts.LATENCY_PACED, Charts.LATENCY_SATURATED)) {
            assertThat(ImageIO.read(directory.resolve(chart).toFile())).as(chart).isNotNull()
                    .satisfies(image -> assertThat(image.getWidth()).isGreaterThan(500));
        }
    }

    @Test
    void percentilesComeFromTheHistogramInMilliseconds() {
        Histogram micros = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            micros.recordValue(i * 1000L);
        }

        Percentiles percentiles = Percentiles.of(micros);

        assertThat(percentiles.count()).isEqualTo(1000);
        assertThat(percentiles.p50()).isCloseTo(500.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(percentiles.p99()).isCloseTo(990.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(percentiles.max()).isCloseTo(1000.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(Percentiles.of(new Histogram(3)).p50()).isNull();
    }

    @Test
    void opaqueRecordsCarryTheirPhaseAndIntendedTimeThroughTheChain() {
        OpaqueCodec codec = new OpaqueCodec(1024);
        var record = codec.record("t", Phase.PACED, 7, 123_456_789L);

        ChainCodec.Stamp stamp = codec.read(new org.apache.kafka.clients.consumer.ConsumerRecord<>("t", 0, 0, record.key(), record.value()));

        assertThat(record.value()).hasSize(1024);
        assertThat(stamp).isEqualTo(new ChainCodec.Stamp(Phase.PACED, 123_456_789L));
    }

    @Test
    void cloudEventRecordsAreValidCaseOpenedEventsCarryingTheirPhaseAndTime() {
        CloudEventCodec codec = new CloudEventCodec();
        long micros = Micros.of(java.time.Instant.parse("2026-01-01T10:00:00.123456Z"));
        var record = codec.record("t", Phase.BLAST, 42, micros);

        ca.passerelle.events.EventEnvelope envelope = ca.passerelle.events.EventCodec.read(record.value());
        ChainCodec.Stamp stamp = codec.read(new org.apache.kafka.clients.consumer.ConsumerRecord<>("t", 0, 0, record.key(), record.value()));

        assertThat(envelope.type()).isEqualTo(ca.passerelle.events.EventCatalog.CASE_OPENED.name());
        assertThat(envelope.subject()).isEqualTo("case-b-42");
        assertThat(ca.passerelle.events.EventCodec.payload(envelope, ca.passerelle.events.EventCatalog.CASE_OPENED).caseId()).isEqualTo("case-b-42");
        assertThat(stamp).isEqualTo(new ChainCodec.Stamp(Phase.BLAST, micros));
    }

    @Test
    void p4AndP5AreReportedWithTheirTargetsRatiosAndCharts(@TempDir Path directory) throws Exception {
        Percentiles fast = new Percentiles(100, 40.0, 60.0, 90.0, 95.0, 99.0);
        Percentiles slow = new Percentiles(100, 200.0, 300.0, 400.0, 450.0, 500.0);
        java.util.Map<String, Percentiles> fastStages = new java.util.LinkedHashMap<>();
        java.util.Map<String, Percentiles> slowStages = new java.util.LinkedHashMap<>();
        PathwayResult.STAGES.forEach(stage -> {
            fastStages.put(stage, fast);
            slowStages.put(stage, slow);
        });
        PathwayResult pathway = new PathwayResult("test", List.of(
                new PathwayResult.RateStep(10, 150, 150, 150, 15.1, 20.0, fastStages, true, false, java.util.Map.of("intake-service", 0.5), null),
                new PathwayResult.RateStep(20, 300, 300, 300, 15.3, 40.0, slowStages, true, false, java.util.Map.of(), null),
                new PathwayResult.RateStep(40, 600, 600, 420, 30.0, 30.0, slowStages, false, true, java.util.Map.of(), "errors: x")),
                20.0, 40.0, 90.0, "at 40 cases/s the lag grew", java.util.Map.of("intake-service", 0.1));
        StartupResult startup = new StartupResult("-Xmx256m", List.of(
                new StartupResult.StartupRun("default", "fat jars", 80.0, List.of(new StartupResult.ServiceStartup("intake-service", 50.0, 390, null, 40.0)), 390, -1),
                new StartupResult.StartupRun("appcds", "cds", 60.0, List.of(new StartupResult.ServiceStartup("intake-service", 35.0, 300, 350L, 30.0)), 300, 1)));

        Report report = Report.of("t", MACHINE, SETTINGS, "broker", "mongo", List.of(level("P1", 4000, 20.0)), pathway, startup);
        String markdown = ResultsWriter.markdown(report);
        ResultsWriter.write(report, directory);
        Charts.write(report, directory);

        assertThat(report.ratios()).containsEntry(Report.P4_P1, 0.01).containsEntry(Report.P5_CDS_DEFAULT, 0.75);
        assertThat(markdown).contains("Max sustainable rate: **20 cases/s** (40.0 case events/s; target ≥ 500: missed)")
                .contains("p99 at half that rate: 90 ms (target ≤ 250: met)")
                .contains("| 40 | 600 | 600 | 420 | 30.0 | no (lag growing) | 200 / 400 |")
                .contains("| default | 80.0 | 390 | – |").contains("| appcds | 60.0 | 300 | 1/1 |")
                .contains("| intake-service | 50.0 / 390 (over 400 MB) / 40.0 | 35.0 / 300 / 30.0 | 350 |")
                .contains("default: missed; appcds: met;");
        assertThat(ResultsWriter.read(Files.readString(directory.resolve(ResultsWriter.JSON)))).isEqualTo(report);
        for (String chart : List.of(Charts.PATHWAY_LATENCY, Charts.RSS, Charts.STARTUP)) {
            assertThat(ImageIO.read(directory.resolve(chart).toFile())).as(chart).isNotNull();
        }
    }

    @Test
    void theLoadGeneratorsPatientsHaveDistinctWellFormedRamqNumbersMatchingTheirNames() {
        java.util.Set<String> numbers = new java.util.HashSet<>();
        for (long n = 1; n <= 2000; n++) {
            ca.passerelle.localstack.DemoData.Patient patient = PathwayLoad.patient(n * 37);
            String ramq = patient.ramq().replace(" ", "");
            assertThat(ramq).matches("^[A-Z]{4}[0-9]{6}[A-HJ-NP-Z1-9][0-9]$");
            assertThat(ramq.substring(0, 3)).isEqualTo(patient.familyName().substring(0, 3).toUpperCase());
            assertThat(ramq.substring(3, 4)).isEqualTo(patient.firstName().substring(0, 1));
            numbers.add(ramq);
        }
        assertThat(numbers).hasSize(2000);
    }

    @Test
    void aLagIsGrowingWhenTheLastThirdWaitsMuchLongerThanTheFirst() {
        List<Long> steady = java.util.stream.LongStream.range(0, 30).map(i -> 50_000 + (i % 5) * 10_000).boxed().toList();
        List<Long> growing = java.util.stream.LongStream.range(0, 30).map(i -> 50_000 + i * 40_000).boxed().toList();

        assertThat(PathwayLoad.lagGrowing(steady)).isFalse();
        assertThat(PathwayLoad.lagGrowing(growing)).isTrue();
    }

    private static LevelResult level(String name, double throughput, double p99) {
        Percentiles paced = new Percentiles(200, 10.0, 20.0, p99, 40.0, 50.0);
        return new LevelResult(name, name + " chain", "test", 1000, 1000, 1000 / throughput, throughput, paced, paced, 50, 1024,
                new CpuUse(1.5, 0.4), null);
    }
}
