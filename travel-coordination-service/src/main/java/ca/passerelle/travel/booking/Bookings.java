package ca.passerelle.travel.booking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The queries over bookings that are more than a read by case id (writes all go through the AggregateStore). */
public interface Bookings {

    /** Case ids of bookings whose next saga step is due, most overdue first. */
    List<String> dueForAction(Instant now, int limit);

    Optional<SurgeryBooking> byAppointmentId(String appointmentId);

    /** The bookings holding an appointment with this hospital, soonest surgery first. */
    List<SurgeryBooking> byHospital(String hospitalId);

    /** The bookings holding an appointment with any hospital, soonest surgery first. */
    List<SurgeryBooking> withAppointment();
}
