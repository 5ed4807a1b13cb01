package ca.passerelle.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

class CaseStageMetricsTest {

    enum Stage {
        SURGERY_SCHEDULING
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CaseStageMetrics stages = new CaseStageMetrics(meters);

    @Test
    void countsCasesEnteringAStageTaggedWithTheStageOnly() {
        stages.entered("assessment");
        stages.entered("assessment");
        stages.entered(Stage.SURGERY_SCHEDULING);

        assertThat(meters.get("passerelle.case.stage.entered").tag("stage", "assessment").counter().count()).isEqualTo(2);
        assertThat(meters.get("passerelle.case.stage.entered").tag("stage", "surgery-scheduling").counter().count()).isEqualTo(1);
        assertThat(meters.get("passerelle.case.stage.entered").meters()).allSatisfy(meter ->
                assertThat(meter.getId().getTags()).extracting(tag -> tag.getKey()).containsExactly("stage"));
    }

    @Test
    void recordsTimeInStageWhenACaseLeavesIt() {
        stages.left("travel", Duration.ofHours(5));
        stages.left("travel", Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z"));

        Timer timer = meters.get("passerelle.case.stage.duration").tag("stage", "travel").timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.totalTime(TimeUnit.HOURS)).isEqualTo(53);
    }

    @Test
    void publishesTimeInStageAsAPrometheusHistogram() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new CaseStageMetrics(prometheus).left("rehab", Duration.ofDays(3));

        assertThat(prometheus.scrape()).contains("passerelle_case_stage_duration_seconds_bucket{stage=\"rehab\",le=\"")
                .contains("passerelle_case_stage_duration_seconds_count{stage=\"rehab\"} 1");
    }

    @Test
    void countsServiceLevelBreachesPerStage() {
        stages.slaBreached("assessment");

        assertThat(meters.get("passerelle.case.sla.breaches").tag("stage", "assessment").counter().count()).isEqualTo(1);
    }

    @Test
    void refusesAnythingShapedLikeAnIdAsAStage() {
        for (String notAStage : new String[] {"c-8e2d1c1a-0b6e-4b43-9a55-2f8b1de3c0aa", "case42", "Assessment", "", " ", "a".repeat(41)}) {
            assertThatThrownBy(() -> stages.entered(notAStage)).as(notAStage).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining(notAStage.isBlank() ? "\u0000" : notAStage);
        }
        assertThatThrownBy(() -> stages.left("travel", Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(meters.getMeters()).extracting(Meter::getId).allSatisfy(id -> assertThat(id.getTag("stage")).doesNotContain("c-"));
    }
}
