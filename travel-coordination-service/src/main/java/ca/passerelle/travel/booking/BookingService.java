package ca.passerelle.travel.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.assessment.SurgeryNotIndicated;
import ca.passerelle.events.assessment.SurgeryRecommended;
import ca.passerelle.events.assessment.UrgentReferralRequired;
import ca.passerelle.events.travel.SurgeryOutcome;
import ca.passerelle.platform.messaging.AggregateStore;
import ca.passerelle.platform.web.NotFoundException;
import ca.passerelle.platform.web.RuleViolationException;

/**
 * What happens to bookings when events arrive or people act: coordinators choose, partner hospitals confirm, decline and
 * report. Only the hospital's confirmation calls facility-gateway here (the slot must really be booked before the date
 * is announced); everything else the saga driver does later.
 */
@Service
public class BookingService {

    private static final Logger log = LoggerFactory.getLogger(BookingService.class);

    private final AggregateStore store;
    private final Bookings bookings;
    private final FacilityGateway gateway;
    private final SchedulingProperties policy;
    private final Clock clock;

    public BookingService(AggregateStore store, Bookings bookings, FacilityGateway gateway, SchedulingProperties policy, Clock clock) {
        this.store = store;
        this.bookings = bookings;
        this.gateway = gateway;
        this.policy = policy;
        this.clock = clock;
    }

    public void surgeryRecommended(EventEnvelope event, SurgeryRecommended recommended) {
        AggregateStore.Outcome outcome = store.apply(SurgeryBooking.class, recommended.caseId(), event,
                () -> SurgeryBooking.recommended(recommended.caseId(), recommended.category(), recommended.recommendedAt(), clock.instant()),
                booking -> {
                });
        log.debug("SurgeryRecommended {} for {}: {}", event.id(), recommended.caseId(), outcome);
    }

    public void urgentReferralRequired(EventEnvelope event, UrgentReferralRequired referral) {
        cancel(event, referral.caseId(), "Urgent referral: " + referral.redFlags().stream().map(Enum::name).collect(Collectors.joining(", ")));
    }

    public void surgeryNotIndicated(EventEnvelope event, SurgeryNotIndicated notIndicated) {
        cancel(event, notIndicated.caseId(), "Surgery not indicated: " + notIndicated.reason());
    }

    private void cancel(EventEnvelope event, String caseId, String reason) {
        AggregateStore.Outcome outcome = store.apply(SurgeryBooking.class, caseId, event, null,
                booking -> booking.cancel(reason, clock.instant()));
        log.debug("{} {} for {}: {}", event.type(), event.id(), caseId, outcome);
    }

    public SurgeryBooking booking(String caseId) {
        return store.find(SurgeryBooking.class, caseId)
                .orElseThrow(() -> new NotFoundException("No booking for case " + caseId));
    }

    public SurgeryBooking choose(String caseId, String optionId) {
        return store.update(SurgeryBooking.class, caseId, booking -> booking.choose(optionId, clock.instant()))
                .orElseThrow(() -> new NotFoundException("No booking for case " + caseId));
    }

    public List<SurgeryBooking> hospitalAppointments(String hospitalId) {
        return bookings.byHospital(hospitalId);
    }

    public SurgeryBooking confirm(String appointmentId) {
        SurgeryBooking current = byAppointment(appointmentId);
        if (current.isConfirmed(appointmentId)) {
            return current;
        }
        current.requireAwaitingConfirmation(appointmentId);
        Hold confirmed;
        try {
            confirmed = gateway.confirm(current.hold().orElseThrow().holdId());
        } catch (HoldRejectedException e) {
            throw new RuleViolationException("hold-not-confirmable", e.getMessage());
        }
        return store.update(SurgeryBooking.class, current.caseId(), booking -> booking.confirm(appointmentId, confirmed, clock.instant()))
                .orElseThrow();
    }

    public SurgeryBooking decline(String appointmentId, String reason) {
        SurgeryBooking current = byAppointment(appointmentId);
        log.info("Hospital declined appointment {} of case {}: {}", appointmentId, current.caseId(), reason);
        return store.update(SurgeryBooking.class, current.caseId(),
                booking -> booking.decline(appointmentId, policy.autoPick(), clock.instant())).orElseThrow();
    }

    public SurgeryBooking complete(String appointmentId, LocalDate performedOn, LocalDate dischargedOn, SurgeryOutcome outcome) {
        SurgeryBooking current = byAppointment(appointmentId);
        return store.update(SurgeryBooking.class, current.caseId(),
                booking -> booking.complete(appointmentId, performedOn, dischargedOn, outcome, clock.instant())).orElseThrow();
    }

    private SurgeryBooking byAppointment(String appointmentId) {
        return bookings.byAppointmentId(appointmentId)
                .orElseThrow(() -> new NotFoundException("No appointment " + appointmentId));
    }
}
