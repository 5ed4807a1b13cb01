package ca.passerelle.travel.booking;

import java.time.LocalDate;

/** One slot in one partner hospital that the booking may take; options are ranked, the first is the best. */
public record BookingOption(
        String optionId,
        String hospitalId,
        String hospitalName,
        String city,
        boolean frenchSpeaking,
        String slotId,
        LocalDate surgeryOn) {
}
