package ca.passerelle.travel.booking.web;

import java.time.LocalDate;

import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.travel.booking.Appointment;
import ca.passerelle.travel.booking.BookingStatus;
import ca.passerelle.travel.booking.SurgeryBooking;

/** An appointment as its partner hospital sees it: the pseudonymous case id, the procedure and the dates, nothing more. */
record HospitalAppointmentResponse(String appointmentId, String caseId, String hospitalId, SurgicalCategory category, String status,
        LocalDate preOpConsultationOn, LocalDate surgeryOn, LocalDate fitToFlyOn) {

    static HospitalAppointmentResponse of(SurgeryBooking booking) {
        Appointment appointment = booking.appointment().orElseThrow();
        return new HospitalAppointmentResponse(appointment.appointmentId(), booking.caseId(), appointment.hospitalId(), booking.category(),
                status(booking.status()), appointment.preOpConsultationOn(), appointment.surgeryOn(), appointment.fitToFlyOn());
    }

    private static String status(BookingStatus status) {
        return switch (status) {
            case AWAITING_HOSPITAL_CONFIRMATION -> "AWAITING_CONFIRMATION";
            case SCHEDULED -> "CONFIRMED";
            case COMPLETED -> "COMPLETED";
            default -> "CANCELLED";
        };
    }
}
