package ca.passerelle.travel.booking.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import ca.passerelle.travel.booking.Bookings;
import ca.passerelle.travel.booking.SurgeryBooking;

/** {@link Bookings} on the {@code bookings} collection. */
@Repository
class MongoBookings implements Bookings {

    private final MongoTemplate mongo;

    MongoBookings(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<String> dueForAction(Instant now, int limit) {
        Query due = new Query(Criteria.where("nextActionAt").lte(now)).with(Sort.by("nextActionAt")).limit(limit);
        due.fields().include("_id");
        return mongo.find(due, SurgeryBooking.class).stream().map(SurgeryBooking::caseId).toList();
    }

    @Override
    public Optional<SurgeryBooking> byAppointmentId(String appointmentId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("appointment.appointmentId").is(appointmentId)), SurgeryBooking.class));
    }

    @Override
    public List<SurgeryBooking> byHospital(String hospitalId) {
        return mongo.find(new Query(Criteria.where("appointment.hospitalId").is(hospitalId)).with(Sort.by("appointment.surgeryOn", "_id")),
                SurgeryBooking.class);
    }

    @Override
    public List<SurgeryBooking> withAppointment() {
        return mongo.find(new Query(Criteria.where("appointment.hospitalId").exists(true)).with(Sort.by("appointment.surgeryOn", "_id")),
                SurgeryBooking.class);
    }
}
