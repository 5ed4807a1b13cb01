package ca.passerelle.travel.booking.web;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.platform.security.Callers;
import java.time.LocalDate;
import java.util.Set;

import ca.passerelle.travel.booking.BookingService;
import ca.passerelle.travel.booking.PatientConstraints;
import ca.passerelle.travel.booking.TravelDocument;
import ca.passerelle.travel.booking.TravelPlan;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Coordinators' view of a case's booking (specialists may read it), and the coordinator's pick among the options when
 * auto-pick is off. Who may call what: {@link TravelAccessPolicy}.
 */
@RestController
@RequestMapping("/api/bookings")
@Validated
class BookingController {

    private final BookingService bookings;

    BookingController(BookingService bookings) {
        this.bookings = bookings;
    }

    record ChoiceRequest(@NotBlank @Size(max = 100) String optionId) {
    }

    record RescheduleRequest(@NotNull LocalDate surgeryOn) {
    }

    /** Booking references are what the airline or the lodging gave: letters, digits and dashes. */
    record FlightRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{3,20}") String bookingReference, @NotNull LocalDate departureOn) {
    }

    record LodgingRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{3,30}") String bookingReference, @NotNull LocalDate checkInOn,
            @NotNull LocalDate checkOutOn) {
    }

    record CompanionRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 40) String relationship) {
    }

    /** The whole editable part of the plan: what is left out (null) is not booked. */
    record TravelPlanRequest(@Valid FlightRequest outboundFlight, @Valid FlightRequest returnFlight, @Valid LodgingRequest lodging,
            @Valid CompanionRequest accompanyingPerson, @Size(max = 20) Set<@NotNull TravelDocument> documentsReady) {
    }

    /** The patient's availability, language need and hospitals to avoid; every field may be left out. */
    record PatientConstraintsRequest(LocalDate availableFrom, LocalDate availableUntil, Boolean frenchSpeakingOnly,
            @Size(max = 50) Set<@NotBlank @Size(max = 100) String> excludedHospitals) {
    }

    @GetMapping("/{caseId}")
    BookingResponse booking(@PathVariable String caseId) {
        return BookingResponse.of(bookings.booking(caseId));
    }

    @PostMapping("/{caseId}/choice")
    BookingResponse choose(@PathVariable String caseId, @Valid @RequestBody ChoiceRequest choice) {
        return BookingResponse.of(bookings.choose(Callers.current(), caseId, choice.optionId()));
    }

    /** The coordinator stops scheduling: holds released, hospital told, travel cancelled ({@code SurgeryCancelled}). */
    @PostMapping("/{caseId}/cancel")
    BookingResponse cancel(@PathVariable String caseId) {
        return BookingResponse.of(bookings.cancel(Callers.current(), caseId));
    }

    /** The coordinator moves the booked surgery (agreed with the hospital) ({@code SurgeryRescheduled}). */
    @PostMapping("/{caseId}/reschedule")
    BookingResponse reschedule(@PathVariable String caseId, @Valid @RequestBody RescheduleRequest reschedule) {
        return BookingResponse.of(bookings.reschedule(Callers.current(), caseId, reschedule.surgeryOn()));
    }

    /**
     * The coordinator's constraints for the patient: the options are searched again with them (an appointment the
     * hospital has not answered yet is withdrawn first). Refused once the surgery is booked (422).
     */
    @PutMapping("/{caseId}/patient-constraints")
    BookingResponse constrain(@PathVariable String caseId, @Valid @RequestBody PatientConstraintsRequest constraints) {
        return BookingResponse.of(bookings.constrain(Callers.current(), caseId, new PatientConstraints(constraints.availableFrom(),
                constraints.availableUntil(), Boolean.TRUE.equals(constraints.frenchSpeakingOnly()), constraints.excludedHospitals())));
    }

    @GetMapping("/{caseId}/travel-plan")
    TravelPlanResponse travelPlan(@PathVariable String caseId) {
        return TravelPlanResponse.of(caseId, bookings.travelPlan(caseId));
    }

    @PutMapping("/{caseId}/travel-plan")
    TravelPlanResponse planTravel(@PathVariable String caseId, @Valid @RequestBody TravelPlanRequest plan) {
        TravelPlan current = bookings.travelPlan(caseId);
        return TravelPlanResponse.of(caseId, bookings.planTravel(Callers.current(), caseId,
                flight(plan.outboundFlight(), TravelPlan.DEPARTURE_CITY, current.hospitalCity()),
                flight(plan.returnFlight(), current.hospitalCity(), TravelPlan.DEPARTURE_CITY),
                plan.lodging() == null ? null
                        : new TravelPlan.Lodging(plan.lodging().bookingReference(), plan.lodging().checkInOn(), plan.lodging().checkOutOn()),
                plan.accompanyingPerson() == null ? null
                        : new TravelPlan.Companion(plan.accompanyingPerson().name(), plan.accompanyingPerson().relationship()),
                plan.documentsReady() == null ? Set.of() : plan.documentsReady()));
    }

    private static TravelPlan.Flight flight(FlightRequest flight, String from, String to) {
        return flight == null ? null : new TravelPlan.Flight(flight.bookingReference(), flight.departureOn(), from, to);
    }
}
