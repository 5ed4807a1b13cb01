package ca.passerelle.travel.booking;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The patient's trip for one case: the dates it hangs on (pre-op consultation, surgery, fit to fly, from the appointment
 * and the policy) and what the coordinator booked. Booking references, lodging and the accompanying person are
 * PHI-adjacent: they stay in this document and the coordinators' API, never in events, feeds or logs.
 *
 * @param hospitalCity where the hospital is (flights go Montréal → this city)
 * @param returnToRebook true when the surgery moved past the booked return flight: that flight was dropped and must be
 *        booked again
 */
public record TravelPlan(
        String hospitalId,
        String hospitalCity,
        LocalDate preOpConsultationOn,
        LocalDate surgeryOn,
        LocalDate fitToFlyOn,
        Flight outbound,
        Flight inbound,
        Lodging lodging,
        Companion accompanyingPerson,
        Set<TravelDocument> documentsReady,
        boolean outboundToRebook,
        boolean returnToRebook,
        boolean cancelled) {

    public static final String DEPARTURE_CITY = "Montréal";

    public TravelPlan {
        documentsReady = documentsReady == null || documentsReady.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(documentsReady));
    }

    static TravelPlan forAppointment(Appointment appointment, String hospitalCity) {
        return new TravelPlan(appointment.hospitalId(), hospitalCity, appointment.preOpConsultationOn(), appointment.surgeryOn(),
                appointment.fitToFlyOn(), null, null, null, null, Set.of(), false, false, false);
    }

    /** The surgery moved: the dates follow; a flight that no longer fits is dropped and flagged for rebooking. */
    TravelPlan movedTo(Appointment appointment) {
        boolean outboundFits = outbound == null || !outbound.departureOn().isAfter(appointment.preOpConsultationOn());
        boolean returnFits = inbound == null || !inbound.departureOn().isBefore(appointment.fitToFlyOn());
        return new TravelPlan(hospitalId, hospitalCity, appointment.preOpConsultationOn(), appointment.surgeryOn(), appointment.fitToFlyOn(),
                outboundFits ? outbound : null, returnFits ? inbound : null, lodging, accompanyingPerson, documentsReady,
                outboundToRebook || !outboundFits, returnToRebook || !returnFits, cancelled);
    }

    TravelPlan withBookings(Flight outbound, Flight inbound, Lodging lodging, Companion accompanyingPerson, Set<TravelDocument> documentsReady) {
        return new TravelPlan(hospitalId, hospitalCity, preOpConsultationOn, surgeryOn, fitToFlyOn, outbound, inbound, lodging,
                accompanyingPerson, documentsReady, outboundToRebook && outbound == null, returnToRebook && inbound == null, cancelled);
    }

    TravelPlan cancelledPlan() {
        return new TravelPlan(hospitalId, hospitalCity, preOpConsultationOn, surgeryOn, fitToFlyOn, outbound, inbound, lodging,
                accompanyingPerson, documentsReady, outboundToRebook, returnToRebook, true);
    }

    public int missingDocuments() {
        return TravelDocument.values().length - documentsReady.size();
    }

    /** {@code IN_PREPARATION}, {@code READY} (flights and lodging booked, no document missing) or {@code CANCELLED}. */
    public String status() {
        if (cancelled) {
            return "CANCELLED";
        }
        return outbound != null && inbound != null && lodging != null && missingDocuments() == 0 ? "READY" : "IN_PREPARATION";
    }

    /** A flight the coordinator booked (no airline integration): its booking reference and departure date. */
    public record Flight(String bookingReference, LocalDate departureOn, String from, String to) {
    }

    /** Lodging near the hospital: its booking reference and stay. */
    public record Lodging(String bookingReference, LocalDate checkInOn, LocalDate checkOutOn) {
    }

    /** The person travelling with the patient. */
    public record Companion(String name, String relationship) {
    }
}
