package ca.passerelle.travel.booking.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ca.passerelle.travel.booking.Appointment;
import ca.passerelle.travel.booking.BookingOption;
import ca.passerelle.travel.booking.BookingStatus;
import ca.passerelle.travel.booking.Hold;
import ca.passerelle.travel.booking.HospitalDecision;
import ca.passerelle.travel.booking.PatientConstraints;
import ca.passerelle.travel.booking.SurgeryBooking;
import ca.passerelle.events.assessment.SurgicalCategory;

/**
 * A booking as coordinators and specialists see it, with who picked the option (null when picked automatically) and
 * who answered for the hospital each time (token subjects, the hospital itself or a coordinator on its behalf), and by
 * when the hospital must answer a held slot ({@code confirmBy}, null otherwise), and the patient's constraints for the search.
 */
record BookingResponse(String caseId, BookingStatus status, SurgicalCategory category, List<OptionView> options, String chosenBy,
        HoldView hold, AppointmentView appointment, Instant confirmBy, List<HospitalDecision> hospitalDecisions,
        PatientConstraints patientConstraints) {

    static BookingResponse of(SurgeryBooking booking) {
        return new BookingResponse(booking.caseId(), booking.status(), booking.category(),
                booking.options().stream().map(OptionView::of).toList(),
                booking.chosenBy().orElse(null),
                booking.hold().map(HoldView::of).orElse(null),
                booking.appointment().map(AppointmentView::of).orElse(null),
                booking.confirmBy().orElse(null),
                booking.hospitalDecisions(),
                booking.patientConstraints());
    }

    record OptionView(String optionId, String hospitalId, String hospitalName, String city, String slotId, LocalDate surgeryOn) {

        static OptionView of(BookingOption option) {
            return new OptionView(option.optionId(), option.hospitalId(), option.hospitalName(), option.city(), option.slotId(),
                    option.surgeryOn());
        }
    }

    record HoldView(String holdId, String slotId, String hospitalId, LocalDate date, String status, Instant expiresAt) {

        static HoldView of(Hold hold) {
            return new HoldView(hold.holdId(), hold.slotId(), hold.facilityId(), hold.date(), hold.status(), hold.expiresAt());
        }
    }

    record AppointmentView(String appointmentId, String hospitalId, LocalDate surgeryOn, LocalDate preOpConsultationOn,
            LocalDate fitToFlyOn) {

        static AppointmentView of(Appointment appointment) {
            return new AppointmentView(appointment.appointmentId(), appointment.hospitalId(), appointment.surgeryOn(),
                    appointment.preOpConsultationOn(), appointment.fitToFlyOn());
        }
    }
}
