package ca.passerelle.travel.booking;

import java.time.LocalDate;

/** The appointment offered to the partner hospital for the held slot, with the dates the travel plan hangs on. */
public record Appointment(
        String appointmentId,
        String hospitalId,
        LocalDate surgeryOn,
        LocalDate preOpConsultationOn,
        LocalDate fitToFlyOn) {
}
