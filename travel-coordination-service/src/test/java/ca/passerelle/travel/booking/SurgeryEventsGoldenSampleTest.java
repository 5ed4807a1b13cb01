package ca.passerelle.travel.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.EventType;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.travel.CancellationReason;
import ca.passerelle.events.travel.Initiator;
import ca.passerelle.events.travel.SurgeryCancelled;
import ca.passerelle.events.travel.SurgeryCompleted;
import ca.passerelle.events.travel.SurgeryOptionsOffered;
import ca.passerelle.events.travel.SurgeryOutcome;
import ca.passerelle.events.travel.SurgeryRescheduled;
import ca.passerelle.events.travel.SurgeryScheduled;
import ca.passerelle.events.travel.SurgerySlotHeld;
import ca.passerelle.events.travel.TravelPlanUpdated;
import ca.passerelle.platform.messaging.OutboxEntry;
import tools.jackson.databind.JsonNode;

/** The producer's side of the contract: a booking walked with the golden samples' data raises exactly those events. */
class SurgeryEventsGoldenSampleTest {

    private static final String SOURCE = "/passerelle/travel-coordination-service";

    @Test
    void confirmingTheGoldenBookingRaisesTheGoldenSurgeryScheduled() {
        SurgeryScheduled golden = GoldenSamples.payload(EventCatalog.SURGERY_SCHEDULED);
        SurgeryBooking booking = BookingFixtures.scheduled(golden.appointmentId());

        OutboxEntry raised = only(booking, EventCatalog.SURGERY_SCHEDULED);

        assertThat(EventCodec.mapper().readValue(raised.data(), SurgeryScheduled.class)).isEqualTo(golden);
        assertThat(asPublished(raised, EventCatalog.SURGERY_SCHEDULED)).isEqualTo(goldenTree(EventCatalog.SURGERY_SCHEDULED));
    }

    @Test
    void completingTheGoldenBookingRaisesTheGoldenSurgeryCompleted() {
        SurgeryCompleted golden = GoldenSamples.payload(EventCatalog.SURGERY_COMPLETED);
        SurgeryBooking booking = BookingFixtures.scheduled(golden.appointmentId());

        booking.complete(golden.appointmentId(), LocalDate.parse("2027-01-20"), LocalDate.parse("2027-01-23"),
                SurgeryOutcome.COMPLETED_AS_PLANNED, Instant.parse("2027-01-22T16:45:00Z"));
        OutboxEntry raised = only(booking, EventCatalog.SURGERY_COMPLETED);

        assertThat(EventCodec.mapper().readValue(raised.data(), SurgeryCompleted.class)).isEqualTo(golden);
        assertThat(asPublished(raised, EventCatalog.SURGERY_COMPLETED)).isEqualTo(goldenTree(EventCatalog.SURGERY_COMPLETED));
    }

    /**
     * The samples of the new saga events tell one story: Lyon and Bordeaux offered, Lyon held with 48 h to answer,
     * moved by the hospital from 19 to 26 January, the plan rebuilt (FUSION: 14 days to fly, pre-op 4 days before),
     * then cancelled by the coordinator.
     */
    @Test
    void walkingTheGoldenStoryRaisesTheGoldenSagaEvents() {
        SurgeryOptionsOffered offered = GoldenSamples.payload(EventCatalog.SURGERY_OPTIONS_OFFERED);
        SurgerySlotHeld held = GoldenSamples.payload(EventCatalog.SURGERY_SLOT_HELD);
        SurgeryRescheduled rescheduled = GoldenSamples.payload(EventCatalog.SURGERY_RESCHEDULED);
        TravelPlanUpdated plan = GoldenSamples.payload(EventCatalog.TRAVEL_PLAN_UPDATED);
        SurgeryCancelled cancelled = GoldenSamples.payload(EventCatalog.SURGERY_CANCELLED);
        SchedulingProperties policy = Policies.bind(Map.of("passerelle.travel.scheduling.pre-op-days-before", "4"));
        BookingOption lyon = new BookingOption("opt-1", "fr-lyon-chu-01", "CHU de Lyon", "Lyon", true, "slot-lyon", LocalDate.parse("2027-01-19"));
        BookingOption bordeaux = new BookingOption("opt-2", "fr-bordeaux-chu-01", "CHU de Bordeaux", "Bordeaux", true, "slot-bdx",
                LocalDate.parse("2027-02-02"));

        SurgeryBooking booking = SurgeryBooking.recommended(offered.caseId(), SurgicalCategory.FUSION, Instant.parse("2026-11-17T10:00:00Z"),
                offered.offeredAt());
        booking.optionsFound(List.of(lyon, bordeaux), true, offered.offeredAt());
        booking.holdPlaced("opt-1", new Hold("hold-1", "slot-lyon", "fr-lyon-chu-01", LocalDate.parse("2027-01-19"), "HELD", held.confirmBy()),
                held.appointmentId(), policy, held.confirmBy(), held.heldAt());
        booking.confirm(held.appointmentId(), new Hold("hold-1", "slot-lyon", "fr-lyon-chu-01", LocalDate.parse("2027-01-19"), "CONFIRMED", null),
                Instant.parse("2026-11-19T08:00:00Z"));
        booking.reschedule(held.appointmentId(), rescheduled.surgeryOn(), Initiator.HOSPITAL, null, policy, rescheduled.rescheduledAt());
        booking.planTravel(new TravelPlan.Flight("AC870-QX7F", plan.outboundOn(), TravelPlan.DEPARTURE_CITY, "Lyon"),
                new TravelPlan.Flight("AC871-QX7F", plan.returnOn(), "Lyon", TravelPlan.DEPARTURE_CITY),
                new TravelPlan.Lodging("HTL-48213", plan.outboundOn(), plan.returnOn()), new TravelPlan.Companion("Accompagnant", "conjoint"),
                Set.of(TravelDocument.PASSPORT, TravelDocument.MEDICAL_FILE_IN_FRENCH, TravelDocument.IMAGING_ON_DISC,
                        TravelDocument.PRE_OP_BLOOD_WORK, TravelDocument.TRAVEL_INSURANCE),
                plan.updatedAt());
        booking.cancel(cancelled.reason(), cancelled.initiatedBy(), cancelled.cancelledAt());

        assertThat(payload(only(booking, EventCatalog.SURGERY_OPTIONS_OFFERED), SurgeryOptionsOffered.class)).isEqualTo(offered);
        assertThat(payload(only(booking, EventCatalog.SURGERY_SLOT_HELD), SurgerySlotHeld.class)).isEqualTo(held);
        assertThat(payload(only(booking, EventCatalog.SURGERY_RESCHEDULED), SurgeryRescheduled.class)).isEqualTo(rescheduled);
        assertThat(payload(only(booking, EventCatalog.SURGERY_CANCELLED), SurgeryCancelled.class)).isEqualTo(cancelled);
        assertThat(booking.pendingEvents()).filteredOn(e -> e.type().equals(EventCatalog.TRAVEL_PLAN_UPDATED.name()))
                .extracting(e -> payload(e, TravelPlanUpdated.class)).contains(plan);
        assertThat(asPublished(only(booking, EventCatalog.SURGERY_CANCELLED), EventCatalog.SURGERY_CANCELLED).get("data"))
                .isEqualTo(goldenTree(EventCatalog.SURGERY_CANCELLED).get("data"));
    }

    private static <T> T payload(OutboxEntry entry, Class<T> type) {
        return EventCodec.mapper().readValue(entry.data(), type);
    }

    private static OutboxEntry only(SurgeryBooking booking, EventType<?> type) {
        List<OutboxEntry> raised = booking.pendingEvents().stream().filter(e -> e.type().equals(type.name())).toList();
        assertThat(raised).as(type.name()).hasSize(1);
        return raised.get(0);
    }

    /** The envelope the outbox relay writes for this entry, with the golden sample's (random) event id and sequence. */
    private static JsonNode asPublished(OutboxEntry entry, EventType<?> type) {
        EventEnvelope golden = GoldenSamples.envelope(type);
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, golden.id(), SOURCE, entry.type(), entry.time(),
                entry.subject(), EventEnvelope.DATA_CONTENT_TYPE, golden.sequence(), EventCodec.mapper().readTree(entry.data()));
        return EventCodec.mapper().readTree(EventCodec.write(envelope));
    }

    private static JsonNode goldenTree(EventType<?> type) {
        return EventCodec.mapper().readTree(GoldenSamples.json(type));
    }
}
