package ca.passerelle.travel.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ca.passerelle.events.assessment.SurgicalCategory;

/** Bookings walked through the saga with the domain's own methods, to the state a test starts from. */
final class BookingFixtures {

    static final String CASE_ID = "c-7f3a9e52-1b6d-4c8e-9a41-2d5f8b0e6c13";
    static final Instant RECOMMENDED_AT = Instant.parse("2026-11-09T10:30:00Z");
    static final Instant NOW = Instant.parse("2026-11-12T09:00:00Z");
    static final Instant CONFIRM_BY = NOW.plusSeconds(48 * 3600);
    static final BookingOption LYON = new BookingOption("opt-1", "fr-lyon-chu-01", "CHU de Lyon", "Lyon", true, "slot-lyon-1",
            LocalDate.parse("2027-01-20"));
    static final BookingOption PARIS = new BookingOption("opt-2", "fr-paris-clinic-02", "Clinique de Paris", "Paris", true, "slot-paris-1",
            LocalDate.parse("2027-01-25"));

    private BookingFixtures() {
    }

    static SurgeryBooking searching() {
        return SurgeryBooking.recommended(CASE_ID, SurgicalCategory.SIMPLE_DECOMPRESSION, RECOMMENDED_AT, NOW);
    }

    static SurgeryBooking holding() {
        SurgeryBooking booking = searching();
        booking.optionsFound(List.of(LYON, PARIS), true, NOW);
        return booking;
    }

    static Hold heldSlot(String holdId, BookingOption option) {
        return new Hold(holdId, option.slotId(), option.hospitalId(), option.surgeryOn(), "HELD", NOW.plusSeconds(86_400));
    }

    static SurgeryBooking awaitingConfirmation(String appointmentId) {
        SurgeryBooking booking = holding();
        booking.holdPlaced(LYON.optionId(), heldSlot("hold-1", LYON), appointmentId, Policies.defaults(), CONFIRM_BY, NOW);
        return booking;
    }

    static SurgeryBooking scheduled(String appointmentId) {
        SurgeryBooking booking = awaitingConfirmation(appointmentId);
        Hold held = booking.hold().orElseThrow();
        booking.confirm(appointmentId, new Hold(held.holdId(), held.slotId(), held.facilityId(), held.date(), "CONFIRMED", null), NOW);
        return booking;
    }
}
