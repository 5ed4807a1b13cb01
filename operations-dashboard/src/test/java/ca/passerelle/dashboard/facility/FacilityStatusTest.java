package ca.passerelle.dashboard.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.facility.FacilityApiStatusChanged;

class FacilityStatusTest {

    @Test
    void goldenSampleReportsTheBreakerOpen() {
        FacilityApiStatusChanged sample = GoldenSamples.payload(EventCatalog.FACILITY_API_STATUS_CHANGED);
        FacilityStatus status = new FacilityStatus(sample.dependency());

        status.report(sample.state(), sample.since());

        assertThat(status.dependency()).isEqualTo("facility-api");
        assertThat(status.state()).isEqualTo("OPEN");
        assertThat(status.available()).isFalse();
    }

    @Test
    void anOlderReportNeverReplacesANewerOne() {
        FacilityStatus status = new FacilityStatus("facility-api");
        status.report("CLOSED", Instant.parse("2026-11-12T09:05:00Z"));

        status.report("OPEN", Instant.parse("2026-11-12T08:59:30Z"));

        assertThat(status.state()).isEqualTo("CLOSED");
        assertThat(status.available()).isTrue();
    }
}
