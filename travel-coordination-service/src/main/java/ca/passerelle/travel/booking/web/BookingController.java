package ca.passerelle.travel.booking.web;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.platform.security.Callers;
import ca.passerelle.travel.booking.BookingService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

    @GetMapping("/{caseId}")
    BookingResponse booking(@PathVariable String caseId) {
        return BookingResponse.of(bookings.booking(caseId));
    }

    @PostMapping("/{caseId}/choice")
    BookingResponse choose(@PathVariable String caseId, @Valid @RequestBody ChoiceRequest choice) {
        return BookingResponse.of(bookings.choose(Callers.current(), caseId, choice.optionId()));
    }
}
