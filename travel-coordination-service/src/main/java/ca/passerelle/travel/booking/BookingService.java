package ca.passerelle.travel.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.assessment.SurgeryNotIndicated;
import ca.passerelle.events.assessment.SurgeryRecommended;
import ca.passerelle.events.assessment.UrgentReferralRequired;
import ca.passerelle.events.intake.CaseClosed;
import ca.passerelle.events.intake.ConsentChanged;
import ca.passerelle.events.travel.CancellationReason;
import ca.passerelle.events.travel.Initiator;
import ca.passerelle.events.travel.SurgeryOutcome;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.platform.messaging.AggregateStore;
import ca.passerelle.platform.security.Caller;
import ca.passerelle.platform.security.Role;
import ca.passerelle.platform.web.NotFoundException;
import ca.passerelle.platform.web.RuleViolationException;

/**
 * What happens to bookings when events arrive or people act: coordinators choose, partner hospitals confirm, decline and
 * report. Only the hospital's confirmation calls facility-gateway here (the slot must really be booked before the date
 * is announced); everything else the saga driver does later.
 * <p>
 * Tenant isolation lives here: a hospital caller (its id from its token, never from the request) sees and answers only
 * its own appointments; another hospital's appointment is answered exactly as an unknown one (404), so its existence
 * does not leak. Coordinators see every appointment and may answer on a hospital's behalf; who answered is recorded.
 */
@Service
public class BookingService {

    private static final Logger log = LoggerFactory.getLogger(BookingService.class);

    static final String PURPOSE = "care-coordination";

    private final AggregateStore store;
    private final Bookings bookings;
    private final FacilityGateway gateway;
    private final SchedulingProperties policy;
    private final Clock clock;
    private final AuditTrail audit;

    public BookingService(AggregateStore store, Bookings bookings, FacilityGateway gateway, SchedulingProperties policy, Clock clock,
            AuditTrail audit) {
        this.store = store;
        this.bookings = bookings;
        this.gateway = gateway;
        this.policy = policy;
        this.clock = clock;
        this.audit = audit;
    }

    public void surgeryRecommended(EventEnvelope event, SurgeryRecommended recommended) {
        AggregateStore.Outcome outcome = store.apply(SurgeryBooking.class, recommended.caseId(), event,
                () -> SurgeryBooking.recommended(recommended.caseId(), recommended.category(), recommended.recommendedAt(), clock.instant()),
                booking -> {
                });
        log.debug("SurgeryRecommended {} for {}: {}", event.id(), recommended.caseId(), outcome);
    }

    public void urgentReferralRequired(EventEnvelope event, UrgentReferralRequired referral) {
        cancel(event, referral.caseId(), CancellationReason.URGENT_REFERRAL);
    }

    public void surgeryNotIndicated(EventEnvelope event, SurgeryNotIndicated notIndicated) {
        cancel(event, notIndicated.caseId(), CancellationReason.OTHER);
    }

    /** Consent that no longer lets anything leave Québec stops scheduling in France and undoes it; other changes do nothing. */
    public void consentChanged(EventEnvelope event, ConsentChanged changed) {
        if (changed.stopsCrossBorder()) {
            cancel(event, changed.caseId(), CancellationReason.CONSENT_WITHDRAWN);
        } else {
            log.debug("ConsentChanged {} for {}: scheduling may go on", event.id(), changed.caseId());
        }
    }

    public void caseClosed(EventEnvelope event, CaseClosed closed) {
        cancel(event, closed.caseId(), CancellationReason.CASE_CLOSED);
    }

    private void cancel(EventEnvelope event, String caseId, CancellationReason reason) {
        AggregateStore.Outcome outcome = store.apply(SurgeryBooking.class, caseId, event, null,
                booking -> booking.cancel(reason, Initiator.PATHWAY, clock.instant()));
        log.info("{} {} for {}: {} (scheduling cancelled if still open, reason {})", event.type(), event.id(), caseId, outcome, reason);
    }

    /** The coordinator stops scheduling for a case: holds released, hospital told, travel cancelled. */
    public SurgeryBooking cancel(Caller caller, String caseId) {
        SurgeryBooking cancelled = store.update(SurgeryBooking.class, caseId, booking -> {
            if (!booking.cancel(CancellationReason.COORDINATOR_DECISION, Initiator.COORDINATOR, clock.instant())
                    && booking.status() != BookingStatus.CANCELLED) {
                throw new RuleViolationException("booking-not-open", "The booking of case " + caseId + " is " + booking.status());
            }
        }).orElseThrow(() -> new NotFoundException("No booking for case " + caseId));
        log.info("Booking {} cancelled by {}", caseId, caller.subject());
        audit.record(caller, "booking.cancelled", "case", caseId, PURPOSE);
        return cancelled;
    }

    /** The coordinator moves the booked surgery to a date agreed with the hospital; the hospital sees it on its feed. */
    public SurgeryBooking reschedule(Caller caller, String caseId, LocalDate surgeryOn) {
        SurgeryBooking rescheduled = store.update(SurgeryBooking.class, caseId, booking -> booking.reschedule(
                booking.appointment().map(Appointment::appointmentId).orElse(null), surgeryOn, Initiator.COORDINATOR, null, policy,
                clock.instant()))
                .orElseThrow(() -> new NotFoundException("No booking for case " + caseId));
        log.info("Booking {} rescheduled by {}", caseId, caller.subject());
        audit.record(caller, "booking.rescheduled", "case", caseId, PURPOSE);
        return rescheduled;
    }

    public TravelPlan travelPlan(String caseId) {
        return booking(caseId).travelPlan().orElseThrow(() -> new NotFoundException("No travel plan for case " + caseId));
    }

    /** The coordinator's travel bookings; the references and the companion are never logged. */
    public TravelPlan planTravel(Caller caller, String caseId, TravelPlan.Flight outbound, TravelPlan.Flight inbound,
            TravelPlan.Lodging lodging, TravelPlan.Companion companion, Set<TravelDocument> documentsReady) {
        SurgeryBooking planned = store.update(SurgeryBooking.class, caseId,
                booking -> booking.planTravel(outbound, inbound, lodging, companion, documentsReady, clock.instant()))
                .orElseThrow(() -> new NotFoundException("No booking for case " + caseId));
        log.info("Travel plan of {} updated by {}", caseId, caller.subject());
        audit.record(caller, "travel-plan.updated", "case", caseId, PURPOSE);
        return planned.travelPlan().orElseThrow();
    }

    public SurgeryBooking booking(String caseId) {
        return store.find(SurgeryBooking.class, caseId)
                .orElseThrow(() -> new NotFoundException("No booking for case " + caseId));
    }

    public SurgeryBooking choose(Caller caller, String caseId, String optionId) {
        SurgeryBooking chosen = store.update(SurgeryBooking.class, caseId, booking -> booking.choose(optionId, caller.subject(), clock.instant()))
                .orElseThrow(() -> new NotFoundException("No booking for case " + caseId));
        log.info("Booking {}: option {} chosen by {}", caseId, optionId, caller.subject());
        audit.record(caller, "booking.option-chosen", "case", caseId, PURPOSE);
        return chosen;
    }

    /**
     * The coordinator's constraints for the patient; the search starts again with them (an unanswered appointment is
     * withdrawn first). The constraints are neither logged nor put in events.
     */
    public SurgeryBooking constrain(Caller caller, String caseId, PatientConstraints constraints) {
        SurgeryBooking constrained = store.update(SurgeryBooking.class, caseId, booking -> booking.constrain(constraints, clock.instant()))
                .orElseThrow(() -> new NotFoundException("No booking for case " + caseId));
        log.info("Booking {}: patient constraints set by {}, searching again", caseId, caller.subject());
        audit.record(caller, "booking.constraints-set", "case", caseId, PURPOSE);
        return constrained;
    }

    /**
     * The appointments a caller may see: a hospital its own only (a {@code hospitalId} naming another hospital is
     * answered as unknown, it never widens the view); a coordinator every hospital's, or one hospital's when asked.
     */
    public List<SurgeryBooking> hospitalAppointments(Caller caller, Optional<String> hospitalId) {
        if (caller.has(Role.COORDINATOR)) {
            return hospitalId.map(bookings::byHospital).orElseGet(bookings::withAppointment);
        }
        String own = caller.requiredHospitalId();
        if (hospitalId.isPresent() && !hospitalId.get().equals(own)) {
            throw new NotFoundException("No appointments for this hospital");
        }
        return bookings.byHospital(own);
    }

    public SurgeryBooking confirm(Caller caller, String appointmentId) {
        SurgeryBooking current = byAppointment(caller, appointmentId);
        if (current.isConfirmed(appointmentId)) {
            return current;
        }
        current.requireAwaitingConfirmation(appointmentId, clock.instant());
        Hold confirmed;
        try {
            confirmed = gateway.confirm(current.hold().orElseThrow().holdId());
        } catch (HoldRejectedException e) {
            throw new RuleViolationException("hold-not-confirmable", e.getMessage());
        }
        SurgeryBooking.Answerer answerer = answerer(caller, current);
        SurgeryBooking scheduled = store.update(SurgeryBooking.class, current.caseId(),
                booking -> booking.confirm(appointmentId, confirmed, answerer, clock.instant())).orElseThrow();
        logAnswer("confirmed", appointmentId, answerer);
        audit.record(caller, "appointment.confirmed", "case", current.caseId(), PURPOSE);
        return scheduled;
    }

    /** The hospital's free-text reason is not taken here: it is neither logged nor kept, as it may name the patient. */
    public SurgeryBooking decline(Caller caller, String appointmentId) {
        SurgeryBooking current = byAppointment(caller, appointmentId);
        SurgeryBooking.Answerer answerer = answerer(caller, current);
        SurgeryBooking declined = store.update(SurgeryBooking.class, current.caseId(),
                booking -> booking.decline(appointmentId, policy.autoPick(), answerer, clock.instant())).orElseThrow();
        logAnswer("declined", appointmentId, answerer);
        audit.record(caller, "appointment.declined", "case", current.caseId(), PURPOSE);
        return declined;
    }

    public SurgeryBooking complete(Caller caller, String appointmentId, LocalDate performedOn, LocalDate dischargedOn,
            SurgeryOutcome outcome) {
        SurgeryBooking current = byAppointment(caller, appointmentId);
        SurgeryBooking.Answerer answerer = answerer(caller, current);
        SurgeryBooking completed = store.update(SurgeryBooking.class, current.caseId(),
                booking -> booking.complete(appointmentId, performedOn, dischargedOn, outcome, answerer, clock.instant())).orElseThrow();
        logAnswer("reported completed", appointmentId, answerer);
        audit.record(caller, "surgery.completion-reported", "case", current.caseId(), PURPOSE);
        return completed;
    }

    /** The hospital cancels its appointment (held or booked): the saga is cancelled and compensated. */
    public SurgeryBooking cancelAppointment(Caller caller, String appointmentId) {
        SurgeryBooking current = byAppointment(caller, appointmentId);
        SurgeryBooking.Answerer answerer = answerer(caller, current);
        SurgeryBooking cancelled = store.update(SurgeryBooking.class, current.caseId(),
                booking -> booking.cancelByHospital(appointmentId, answerer, clock.instant())).orElseThrow();
        logAnswer("cancelled", appointmentId, answerer);
        audit.record(caller, "appointment.cancelled", "case", current.caseId(), PURPOSE);
        return cancelled;
    }

    /** The hospital moves its booked appointment to a new date; the travel plan follows. */
    public SurgeryBooking rescheduleAppointment(Caller caller, String appointmentId, LocalDate surgeryOn) {
        SurgeryBooking current = byAppointment(caller, appointmentId);
        SurgeryBooking.Answerer answerer = answerer(caller, current);
        SurgeryBooking rescheduled = store.update(SurgeryBooking.class, current.caseId(),
                booking -> booking.reschedule(appointmentId, surgeryOn, Initiator.HOSPITAL, answerer, policy, clock.instant())).orElseThrow();
        logAnswer("rescheduled", appointmentId, answerer);
        audit.record(caller, "appointment.rescheduled", "case", current.caseId(), PURPOSE);
        return rescheduled;
    }

    /** The booking holding this appointment, if the caller may act for its hospital; otherwise exactly as if unknown. */
    private SurgeryBooking byAppointment(Caller caller, String appointmentId) {
        return bookings.byAppointmentId(appointmentId)
                .filter(booking -> booking.appointment().map(Appointment::hospitalId).filter(caller::mayActForHospital).isPresent())
                .orElseThrow(() -> new NotFoundException("No appointment " + appointmentId));
    }

    private static SurgeryBooking.Answerer answerer(Caller caller, SurgeryBooking booking) {
        String hospital = booking.appointment().orElseThrow().hospitalId();
        boolean itself = caller.has(Role.HOSPITAL) && caller.hospitalId().filter(hospital::equals).isPresent();
        return new SurgeryBooking.Answerer(caller.subject(), !itself);
    }

    private static void logAnswer(String what, String appointmentId, SurgeryBooking.Answerer answerer) {
        log.info("Appointment {} {} by {}{}", appointmentId, what, answerer.subject(), answerer.onBehalf() ? " on the hospital's behalf" : "");
    }
}
