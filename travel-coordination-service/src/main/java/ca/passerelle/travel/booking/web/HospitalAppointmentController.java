package ca.passerelle.travel.booking.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.events.travel.SurgeryOutcome;
import ca.passerelle.platform.security.Callers;
import ca.passerelle.travel.booking.BookingService;
import ca.passerelle.travel.booking.SurgeryBooking;
import ca.passerelle.travel.feed.Pseudonyms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Partner hospitals' side: their appointments, their confirmation or refusal, and the surgery's outcome. The hospital is
 * the one its token names; coordinators may act on a hospital's behalf. Who may call what: {@link TravelAccessPolicy};
 * which appointments: {@link BookingService}.
 */
@RestController
@RequestMapping("/api/hospital/appointments")
@Validated
class HospitalAppointmentController {

    private final BookingService bookings;
    private final Pseudonyms pseudonyms;

    HospitalAppointmentController(BookingService bookings, Pseudonyms pseudonyms) {
        this.bookings = bookings;
        this.pseudonyms = pseudonyms;
    }

    private HospitalAppointmentResponse view(SurgeryBooking booking) {
        return HospitalAppointmentResponse.of(booking, pseudonyms, Callers.current());
    }

    record DeclineRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record CompletionRequest(@NotNull LocalDate performedOn, LocalDate dischargedOn, @NotNull SurgeryOutcome outcome) {
    }

    /** A hospital's own appointments (a {@code hospitalId} of another hospital is 404); a coordinator's, all or one hospital's. */
    @GetMapping
    List<HospitalAppointmentResponse> appointments(@RequestParam(required = false) @Size(min = 1, max = 100) String hospitalId) {
        return bookings.hospitalAppointments(Callers.current(), Optional.ofNullable(hospitalId)).stream()
                .map(this::view).toList();
    }

    @PostMapping("/{appointmentId}/confirmation")
    HospitalAppointmentResponse confirm(@PathVariable String appointmentId) {
        return view(bookings.confirm(Callers.current(), appointmentId));
    }

    /** The reason is required of the hospital but neither kept nor logged: free text may name the patient. */
    @PostMapping("/{appointmentId}/decline")
    DeclineResponse decline(@PathVariable String appointmentId, @Valid @RequestBody DeclineRequest decline) {
        bookings.decline(Callers.current(), appointmentId);
        return DeclineResponse.declined(appointmentId);
    }

    record RescheduleRequest(@NotNull LocalDate surgeryOn) {
    }

    /** The hospital cancels its held or booked appointment: the case's scheduling is cancelled and compensated. */
    @PostMapping("/{appointmentId}/cancel")
    HospitalAppointmentResponse cancel(@PathVariable String appointmentId) {
        return view(bookings.cancelAppointment(Callers.current(), appointmentId));
    }

    /** The hospital moves its booked appointment to a new date; the travel plan is recomputed. */
    @PostMapping("/{appointmentId}/reschedule")
    HospitalAppointmentResponse reschedule(@PathVariable String appointmentId, @Valid @RequestBody RescheduleRequest reschedule) {
        return view(bookings.rescheduleAppointment(Callers.current(), appointmentId, reschedule.surgeryOn()));
    }

    @PostMapping("/{appointmentId}/completion")
    HospitalAppointmentResponse complete(@PathVariable String appointmentId, @Valid @RequestBody CompletionRequest completion) {
        return view(bookings.complete(Callers.current(), appointmentId, completion.performedOn(), completion.dischargedOn(),
                completion.outcome()));
    }
}
