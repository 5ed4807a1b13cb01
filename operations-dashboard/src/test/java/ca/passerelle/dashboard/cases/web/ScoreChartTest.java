package ca.passerelle.dashboard.cases.web;

import static ca.passerelle.events.EventCatalog.CASE_OPENED;
import static ca.passerelle.events.EventCatalog.FOLLOW_UP_RECORDED;
import static ca.passerelle.events.EventCatalog.SURGERY_COMPLETED;
import static ca.passerelle.events.EventCatalog.SYMPTOMS_REPORTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import ca.passerelle.dashboard.CaseEvents;
import ca.passerelle.dashboard.cases.CaseFacts;
import ca.passerelle.dashboard.cases.CaseSummary;
import ca.passerelle.events.EventType;

/** The scores chart: baseline from the last pre-operative measurement, thresholds at −2 NRS and −10 ODI points. */
class ScoreChartTest {

    private final CaseEvents events = CaseEvents.forNewCase();
    private final CaseSummary summary = new CaseSummary(events.caseId());

    @Test
    void marksTheLastPreOperativeMeasurementAsBaselineAndTheMeaningfulImprovementThresholds() {
        apply(CASE_OPENED);          // 2026-11-02: NRS 7, ODI 48
        apply(SYMPTOMS_REPORTED);    // 2026-11-12: NRS 7, ODI 46
        apply(SURGERY_COMPLETED);    // 2027-01-20
        apply(FOLLOW_UP_RECORDED);   // 2027-02-16: NRS 4, ODI 30

        ScoreChart nrs = ScoreChart.nrs(summary);
        ScoreChart odi = ScoreChart.odi(summary);

        assertThat(nrs.baseline()).isEqualTo(7.0);
        assertThat(nrs.threshold()).isEqualTo(5.0);
        assertThat(odi.baseline()).isEqualTo(46.0);
        assertThat(odi.threshold()).isEqualTo(36.0);
        assertThat(odi.points()).extracting(ScoreChart.Point::value).containsExactly("48", "46", "30");
        assertThat(odi.points()).extracting(ScoreChart.Point::followUp).containsExactly(false, false, true);
        assertThat(odi.surgeryX()).isNotNull();
        assertThat(odi.careX1()).isNotNull();
        assertThat(odi.path().split(" ")).hasSize(3);
        // a lower score is drawn lower down the page: the follow-up sits below the baseline's line... in SVG, larger y
        assertThat(Double.parseDouble(odi.points().get(2).y())).isGreaterThan(Double.parseDouble(odi.baselineY()));
        assertThat(Double.parseDouble(odi.thresholdY())).isGreaterThan(Double.parseDouble(odi.baselineY()));
        assertThat(Double.parseDouble(odi.points().get(0).x())).isLessThan(Double.parseDouble(odi.surgeryX()))
                .isGreaterThanOrEqualTo(ScoreChart.LEFT);
        assertThat(Double.parseDouble(odi.points().get(2).x())).isGreaterThan(Double.parseDouble(odi.surgeryX()))
                .isLessThanOrEqualTo(ScoreChart.WIDTH - ScoreChart.RIGHT);
    }

    @Test
    void withoutMeasurementsTheChartIsEmptyAndHasNoBaseline() {
        apply(SURGERY_COMPLETED);

        ScoreChart nrs = ScoreChart.nrs(summary);

        assertThat(nrs.empty()).isTrue();
        assertThat(nrs.baseline()).isNull();
        assertThat(nrs.thresholdY()).isNull();
    }

    private void apply(EventType<?> type) {
        summary.apply(CaseFacts.of(events.event(type)));
    }

    static Instant at(String time) {
        return Instant.parse(time);
    }
}
