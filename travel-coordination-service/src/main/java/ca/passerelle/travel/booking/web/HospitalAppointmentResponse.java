package ca.passerelle.travel.booking.web;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.platform.security.Caller;
import ca.passerelle.platform.security.Role;
import ca.passerelle.travel.booking.Appointment;
import ca.passerelle.travel.booking.BookingStatus;
import ca.passerelle.travel.booking.SurgeryBooking;
import ca.passerelle.travel.feed.Pseudonyms;

/**
 * An appointment as its partner hospital sees it: the patient only as this hospital's pseudonym (the same identifier as
 * in its FHIR feed), the procedure and the dates, nothing more. A coordinator also gets the case id, to find the case;
 * a hospital never does (the field is absent).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HospitalAppointmentResponse(String appointmentId, String patientPseudonym, String caseId, String hospitalId,
        SurgicalCategory category, String status, LocalDate preOpConsultationOn, LocalDate surgeryOn, LocalDate fitToFlyOn) {

    static HospitalAppointmentResponse of(SurgeryBooking booking, Pseudonyms pseudonyms, Caller caller) {
        Appointment appointment = booking.appointment().orElseThrow();
        return new HospitalAppointmentResponse(appointment.appointmentId(), pseudonyms.of(appointment.hospitalId(), booking.caseId()),
                caller.has(Role.COORDINATOR) ? booking.caseId() : null, appointment.hospitalId(), booking.category(),
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
