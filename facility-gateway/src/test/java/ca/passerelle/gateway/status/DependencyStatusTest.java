package ca.passerelle.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.platform.messaging.OutboxEntry;

class DependencyStatusTest {

    private static final Instant START = Instant.parse("2026-11-12T08:00:00Z");

    @Test
    void breakerOpeningRaisesTheGoldenSample() {
        EventEnvelope golden = GoldenSamples.envelope(EventCatalog.FACILITY_API_STATUS_CHANGED);
        DependencyStatus status = DependencyStatus.first("facility-api", "CLOSED", START);

        status.moveTo("OPEN", golden.time());

        OutboxEntry raised = status.pendingEvents().get(1);
        assertThat(raised.type()).isEqualTo(golden.type());
        assertThat(raised.subject()).isEqualTo(golden.subject());
        assertThat(raised.topic()).isEqualTo(EventCatalog.FACILITY_API_STATUS_CHANGED.topic());
        assertThat(EventCodec.mapper().readTree(raised.data())).isEqualTo(golden.data());
    }

    @Test
    void firstStateIsPublishedToo() {
        DependencyStatus status = DependencyStatus.first("facility-api", "CLOSED", START);

        assertThat(status.pendingEvents()).singleElement()
                .satisfies(entry -> assertThat(entry.data()).contains("\"state\":\"CLOSED\""));
    }

    @Test
    void sameStateAgainChangesNothing() {
        DependencyStatus status = DependencyStatus.first("facility-api", "OPEN", START);

        status.moveTo("OPEN", START.plusSeconds(5));

        assertThat(status.pendingEvents()).hasSize(1);
        assertThat(status.since()).isEqualTo(START);
    }

    @Test
    void transitionOlderThanTheStateHeldIsIgnored() {
        DependencyStatus status = DependencyStatus.first("facility-api", "HALF_OPEN", START);

        status.moveTo("OPEN", START.minusMillis(1));

        assertThat(status.state()).isEqualTo("HALF_OPEN");
        assertThat(status.pendingEvents()).hasSize(1);
    }
}
