package ca.passerelle.travel.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.EventType;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.travel.SurgeryCompleted;
import ca.passerelle.events.travel.SurgeryOutcome;
import ca.passerelle.events.travel.SurgeryScheduled;
import ca.passerelle.platform.messaging.OutboxEntry;
import tools.jackson.databind.JsonNode;

/** The producer's side of the contract: a booking walked with the golden samples' data raises exactly those events. */
class SurgeryEventsGoldenSampleTest {

    private static final String SOURCE = "/passerelle/travel-coordination-service";

    @Test
    void confirmingTheGoldenBookingRaisesTheGoldenSurgeryScheduled() {
        SurgeryScheduled golden = GoldenSamples.payload(EventCatalog.SURGERY_SCHEDULED);
        SurgeryBooking booking = BookingFixtures.scheduled(golden.appointmentId());

        OutboxEntry raised = booking.pendingEvents().get(0);

        assertThat(EventCodec.mapper().readValue(raised.data(), SurgeryScheduled.class)).isEqualTo(golden);
        assertThat(asPublished(raised, EventCatalog.SURGERY_SCHEDULED)).isEqualTo(goldenTree(EventCatalog.SURGERY_SCHEDULED));
    }

    @Test
    void completingTheGoldenBookingRaisesTheGoldenSurgeryCompleted() {
        SurgeryCompleted golden = GoldenSamples.payload(EventCatalog.SURGERY_COMPLETED);
        SurgeryBooking booking = BookingFixtures.scheduled(golden.appointmentId());

        booking.complete(golden.appointmentId(), LocalDate.parse("2027-01-20"), LocalDate.parse("2027-01-23"),
                SurgeryOutcome.COMPLETED_AS_PLANNED, Instant.parse("2027-01-22T16:45:00Z"));
        OutboxEntry raised = booking.pendingEvents().get(1);

        assertThat(EventCodec.mapper().readValue(raised.data(), SurgeryCompleted.class)).isEqualTo(golden);
        assertThat(asPublished(raised, EventCatalog.SURGERY_COMPLETED)).isEqualTo(goldenTree(EventCatalog.SURGERY_COMPLETED));
    }

    /** The envelope the outbox relay writes for this entry, with the golden sample's (random) event id. */
    private static JsonNode asPublished(OutboxEntry entry, EventType<?> type) {
        EventEnvelope golden = GoldenSamples.envelope(type);
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, golden.id(), SOURCE, entry.type(), entry.time(),
                entry.subject(), EventEnvelope.DATA_CONTENT_TYPE, entry.sequence(), EventCodec.mapper().readTree(entry.data()));
        return EventCodec.mapper().readTree(EventCodec.write(envelope));
    }

    private static JsonNode goldenTree(EventType<?> type) {
        return EventCodec.mapper().readTree(GoldenSamples.json(type));
    }
}
