package ca.passerelle.travel.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ca.passerelle.platform.messaging.AggregateStore;
import ca.passerelle.platform.observability.CaseTraces;

/**
 * Advances bookings whose next step is due, one persisted step at a time: claim the step, call facility-gateway,
 * record the answer. A failure leaves the state as it was and schedules a retry with a capped back-off; a crash
 * between the call and the record repeats the call (holds carry the case id as reference, releases are idempotent).
 * Each step runs in the case's trace ({@link CaseTraces}), not the scheduler's, so its events and log lines follow the case.
 */
@Component
public class BookingSaga {

    private static final Logger log = LoggerFactory.getLogger(BookingSaga.class);
    /** Steps one booking may take in one pass (feed notices, release, search, hold, …) before others get their turn. */
    private static final int STEPS_PER_PASS = 8;

    private final AggregateStore store;
    private final Bookings bookings;
    private final FacilityGateway gateway;
    private final SchedulingProperties policy;
    private final AppointmentIds appointmentIds;
    private final HospitalFeedPublisher feed;
    private final TravelProperties travel;
    private final Clock clock;
    private final CaseTraces caseTraces;

    public BookingSaga(AggregateStore store, Bookings bookings, FacilityGateway gateway, SchedulingProperties policy,
            AppointmentIds appointmentIds, HospitalFeedPublisher feed, TravelProperties travel, Clock clock, CaseTraces caseTraces) {
        this.store = store;
        this.bookings = bookings;
        this.gateway = gateway;
        this.policy = policy;
        this.appointmentIds = appointmentIds;
        this.feed = feed;
        this.travel = travel;
        this.clock = clock;
        this.caseTraces = caseTraces;
    }

    /** One pass over the bookings that are due. */
    public void advanceDueBookings() {
        for (String caseId : bookings.dueForAction(clock.instant(), policy.batchSize())) {
            advance(caseId);
        }
    }

    void advance(String caseId) {
        for (int i = 0; i < STEPS_PER_PASS; i++) {
            SurgeryBooking booking;
            try {
                booking = store.update(SurgeryBooking.class, caseId, b -> b.claimStep(clock.instant(), policy.stepLease())).orElse(null);
            } catch (StepNotDueException e) {
                return;
            }
            if (booking == null || booking.nextStep() == SagaStep.NONE) {
                return;
            }
            SagaStep step = booking.nextStep();
            SurgeryBooking claimed = booking;
            boolean[] failed = new boolean[1];
            caseTraces.continueCase(claimed, caseId, "booking-saga", () -> {
                try {
                    take(step, claimed);
                } catch (RuntimeException e) {
                    log.warn("Step {} of booking {} failed, retried later: {}", step, caseId, e.getMessage());
                    store.update(SurgeryBooking.class, caseId, b -> b.stepFailed(step + ": " + e.getMessage(), policy, clock.instant()));
                    failed[0] = true;
                }
            });
            if (failed[0]) {
                return;
            }
        }
    }

    private void take(SagaStep step, SurgeryBooking booking) {
        switch (step) {
            case PUBLISH_FEED -> publish(booking);
            case RELEASE_HOLD -> release(booking);
            case SEARCH -> search(booking);
            case HOLD -> hold(booking);
            case ANSWER_TIMEOUT -> timeOut(booking);
            case NONE -> {
            }
        }
    }

    /** Appends the oldest notice to its hospital's feed (idempotent on the notice id), then forgets it. */
    private void publish(SurgeryBooking booking) {
        FeedNotice notice = booking.feedNotices().get(0);
        feed.append(notice);
        store.update(SurgeryBooking.class, booking.caseId(), b -> b.feedNoticePublished(notice.noticeId(), clock.instant()));
    }

    /** The hospital did not answer in time: its hold is queued for release and the next option offered. */
    private void timeOut(SurgeryBooking booking) {
        String appointmentId = booking.appointment().map(Appointment::appointmentId).orElseThrow();
        log.info("Booking {}: appointment {} not answered by {}, hold released", booking.caseId(), appointmentId,
                booking.confirmBy().orElse(null));
        store.update(SurgeryBooking.class, booking.caseId(), b -> b.answerTimedOut(appointmentId, policy.autoPick(), clock.instant()));
    }

    private void release(SurgeryBooking booking) {
        String holdId = booking.holdsToRelease().get(0);
        gateway.release(holdId);
        log.info("Released hold {} of booking {}", holdId, booking.caseId());
        store.update(SurgeryBooking.class, booking.caseId(), b -> b.holdReleased(holdId, clock.instant()));
    }

    private void search(SurgeryBooking booking) {
        LocalDate today = LocalDate.now(clock);
        PatientConstraints constraints = booking.patientConstraints();
        LocalDate from = constraints.earliestSurgeryOn(policy.searchFrom(today), policy);
        LocalDate to = constraints.latestSurgeryOn(policy.searchTo(today), booking.category(), policy);
        List<Facility> hospitals = gateway.surgicalHospitalsInFrance(booking.category());
        Map<String, List<Slot>> slots = new LinkedHashMap<>();
        if (!to.isBefore(from)) {
            for (Facility hospital : hospitals) {
                if (constraints.admits(hospital)) {
                    slots.put(hospital.id(), gateway.availability(hospital.id(), from, to));
                }
            }
        }
        List<BookingOption> options = OptionRanking.rank(booking.category(), hospitals, slots, from, to, policy.maxOptions(), constraints);
        log.info("Booking {}: {} option(s) among {} hospital(s)", booking.caseId(), options.size(), hospitals.size());
        int round = booking.searchRound();
        store.update(SurgeryBooking.class, booking.caseId(), b -> b.optionsFound(round, options, policy.autoPick(), clock.instant()));
    }

    private void hold(SurgeryBooking booking) {
        BookingOption option = booking.chosenOption().orElseThrow();
        Hold hold;
        try {
            hold = gateway.hold(option.slotId(), booking.caseId());
        } catch (SlotUnavailableException e) {
            log.info("Booking {}: slot {} is taken, option {} dropped", booking.caseId(), option.slotId(), option.optionId());
            store.update(SurgeryBooking.class, booking.caseId(), b -> b.slotUnavailable(option.optionId(), policy.autoPick(), clock.instant()));
            return;
        }
        String appointmentId = appointmentIds.get();
        Instant now = clock.instant();
        Instant confirmBy = now.plus(travel.hospitalAnswerTimeout());
        store.update(SurgeryBooking.class, booking.caseId(), b -> b.holdPlaced(option.optionId(), hold, appointmentId, policy, confirmBy, now));
        log.info("Booking {}: slot {} held as {}", booking.caseId(), option.slotId(), hold.holdId());
    }
}
