package ca.passerelle.travel.booking.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.travel.booking.BookingService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/** Coordinators' view of a case's booking, and their pick among the options when auto-pick is off. */
@RestController
@RequestMapping("/api/bookings")
class BookingController {

    private final BookingService bookings;

    BookingController(BookingService bookings) {
        this.bookings = bookings;
    }

    record ChoiceRequest(@NotBlank String optionId) {
    }

    @GetMapping("/{caseId}")
    BookingResponse booking(@PathVariable String caseId) {
        return BookingResponse.of(bookings.booking(caseId));
    }

    @PostMapping("/{caseId}/choice")
    BookingResponse choose(@PathVariable String caseId, @Valid @RequestBody ChoiceRequest choice) {
        return BookingResponse.of(bookings.choose(caseId, choice.optionId()));
    }
}
