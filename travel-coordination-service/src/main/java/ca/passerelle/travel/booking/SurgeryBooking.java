package ca.passerelle.travel.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.travel.CancellationReason;
import ca.passerelle.events.travel.Initiator;
import ca.passerelle.events.travel.SurgeryCancelled;
import ca.passerelle.events.travel.SurgeryCompleted;
import ca.passerelle.events.travel.SurgeryOptionsOffered;
import ca.passerelle.events.travel.SurgeryOutcome;
import ca.passerelle.events.travel.SurgeryRescheduled;
import ca.passerelle.events.travel.SurgeryScheduled;
import ca.passerelle.events.travel.SurgerySlotHeld;
import ca.passerelle.events.travel.TravelPlanUpdated;
import ca.passerelle.platform.messaging.AggregateDocument;
import ca.passerelle.platform.web.RuleViolationException;

/**
 * The surgery-booking saga of one case, one document keyed by the case id. Every transition is a method here and is
 * persisted before the next step starts; the steps that call facility-gateway are driven from outside
 * ({@link BookingSaga}) and report back through {@link #optionsFound}, {@link #holdPlaced}, {@link #slotUnavailable},
 * {@link #holdReleased} and {@link #stepFailed}. Those reports are checked against the current state, so a late answer
 * never resurrects a cancelled or declined booking: a hold nobody wants any more is queued for release.
 */
@Document("bookings")
@CompoundIndexes({
        @CompoundIndex(name = "appointment_id", def = "{'appointment.appointmentId': 1}"),
        @CompoundIndex(name = "appointment_hospital", def = "{'appointment.hospitalId': 1}")})
public class SurgeryBooking extends AggregateDocument {

    /** Dates "today" and "in the future" are Québec dates (the patient's and the coordinators' calendar). */
    public static final ZoneId QUEBEC = ZoneId.of("America/Toronto");

    @Id
    private String caseId;
    private SurgicalCategory category;
    private BookingStatus status;
    private Instant recommendedAt;
    private List<BookingOption> options = new ArrayList<>();
    private String chosenOptionId;
    /** The token subject of the coordinator who picked the option, when a person picked it (null for auto-pick). */
    private String chosenBy;
    private Hold hold;
    private Appointment appointment;
    /** Every answer given for a partner hospital on this booking, and who gave it. */
    private List<HospitalDecision> hospitalDecisions = new ArrayList<>();
    /** Holds to release on facility-gateway (declined, cancelled, or placed too late); released by the driver. */
    private List<String> holdsToRelease = new ArrayList<>();
    /** When the driver should act next; null when the booking waits for a person. */
    @Indexed
    private Instant nextActionAt;
    private int failedAttempts;
    private String lastError;
    private String closingReason;
    /** When the hospital must have answered the held slot; past it, the driver releases the hold and offers the next option. */
    private Instant confirmBy;
    /** The patient's trip, from the hospital's confirmation on. */
    private TravelPlan travelPlan;
    /** What the partner hospitals must still be told (moved to their feeds by the driver, first in first out). */
    private List<FeedNotice> feedNotices = new ArrayList<>();
    /** What the coordinator said of the patient's availability, language and hospitals to avoid; null for none. */
    private PatientConstraints patientConstraints;
    /** Counts the searches started; a search's answer is taken only if no newer search was started since. */
    private int searchRound;
    private Instant updatedAt;

    SurgeryBooking() {
    }

    /** A new booking for a case the specialist recommended for surgery: the search starts at the driver's next pass. */
    public static SurgeryBooking recommended(String caseId, SurgicalCategory category, Instant recommendedAt, Instant now) {
        SurgeryBooking booking = new SurgeryBooking();
        booking.caseId = caseId;
        booking.category = category;
        booking.recommendedAt = recommendedAt;
        booking.status = BookingStatus.SEARCHING;
        booking.touch(now);
        return booking;
    }

    // ---- driver side -------------------------------------------------------------------------------------------

    public SagaStep nextStep() {
        if (!feedNotices.isEmpty()) {
            return SagaStep.PUBLISH_FEED;
        }
        if (!holdsToRelease.isEmpty()) {
            return SagaStep.RELEASE_HOLD;
        }
        return switch (status) {
            case SEARCHING -> SagaStep.SEARCH;
            case HOLDING -> SagaStep.HOLD;
            case AWAITING_HOSPITAL_CONFIRMATION -> confirmBy == null ? SagaStep.NONE : SagaStep.ANSWER_TIMEOUT;
            default -> SagaStep.NONE;
        };
    }

    public boolean isDue(Instant now) {
        return nextActionAt != null && !nextActionAt.isAfter(now);
    }

    /**
     * Takes the next step for one driver pass: nobody else takes it until the lease runs out (a crashed pass).
     *
     * @throws StepNotDueException if the step is not due (another pass owns it, or it waits for its back-off)
     */
    void claimStep(Instant now, Duration lease) {
        if (!isDue(now)) {
            throw new StepNotDueException(caseId);
        }
        nextActionAt = nextStep() == SagaStep.NONE ? null : now.plus(lease);
    }

    void optionsFound(List<BookingOption> found, boolean autoPick, Instant now) {
        optionsFound(searchRound, found, autoPick, now);
    }

    /** The answer of the search started in {@code round}; ignored when a newer search was started meanwhile (new constraints). */
    void optionsFound(int round, List<BookingOption> found, boolean autoPick, Instant now) {
        if (status != BookingStatus.SEARCHING || round != searchRound) {
            return;
        }
        stepSucceeded();
        options = new ArrayList<>(found);
        offerOptions(autoPick, now);
        touch(now);
    }

    /**
     * The slot is held: the hospital is asked to confirm by {@code confirmBy} ({@code SurgerySlotHeld}, and a
     * {@code proposed} appointment on its feed).
     */
    void holdPlaced(String optionId, Hold placed, String appointmentId, SchedulingProperties policy, Instant confirmBy, Instant now) {
        Optional<BookingOption> option = chosenOption();
        if (status != BookingStatus.HOLDING || hold != null || option.isEmpty() || !option.get().optionId().equals(optionId)) {
            holdsToRelease.add(placed.holdId());
            touch(now);
            return;
        }
        stepSucceeded();
        hold = placed;
        LocalDate surgeryOn = placed.date() != null ? placed.date() : option.get().surgeryOn();
        appointment = new Appointment(appointmentId, option.get().hospitalId(), surgeryOn,
                policy.preOpConsultationOn(surgeryOn), policy.fitToFlyOn(category, surgeryOn));
        status = BookingStatus.AWAITING_HOSPITAL_CONFIRMATION;
        this.confirmBy = confirmBy;
        notifyHospital(FeedStatus.PROPOSED, now);
        raise(new SurgerySlotHeld(caseId, appointment.hospitalId(), appointmentId, surgeryOn, now, confirmBy), now);
        touch(now);
    }

    /**
     * The hospital did not answer by {@code confirmBy}: as a decline, the hold is released (the hospital is told its
     * appointment is cancelled) and the next option offered. A late call, or one about another appointment, does nothing.
     */
    void answerTimedOut(String appointmentId, boolean autoPick, Instant now) {
        if (status != BookingStatus.AWAITING_HOSPITAL_CONFIRMATION || appointment == null
                || !appointment.appointmentId().equals(appointmentId) || confirmBy == null || now.isBefore(confirmBy)) {
            return;
        }
        stepSucceeded();
        hospitalDecisions.add(new HospitalDecision(appointmentId, appointment.hospitalId(), "TIMED_OUT", "travel-coordination-service",
                "SYSTEM", now));
        withdrawAppointment(now);
        dropChosenOption();
        offerOptions(autoPick, now);
        touch(now);
    }

    /** The notice is on its hospital's feed. */
    void feedNoticePublished(String noticeId, Instant now) {
        if (feedNotices.removeIf(notice -> notice.noticeId().equals(noticeId))) {
            stepSucceeded();
        }
        touch(now);
    }

    void slotUnavailable(String optionId, boolean autoPick, Instant now) {
        if (status != BookingStatus.HOLDING || !optionId.equals(chosenOptionId)) {
            return;
        }
        stepSucceeded();
        dropChosenOption();
        offerOptions(autoPick, now);
        touch(now);
    }

    void holdReleased(String holdId, Instant now) {
        if (holdsToRelease.remove(holdId)) {
            stepSucceeded();
        }
        touch(now);
    }

    void stepFailed(String error, SchedulingProperties policy, Instant now) {
        failedAttempts++;
        lastError = error;
        updatedAt = now;
        nextActionAt = nextStep() == SagaStep.NONE ? null : now.plus(policy.backOff(failedAttempts));
    }

    // ---- people side -------------------------------------------------------------------------------------------

    /** The coordinator's pick among the options; {@code chosenBy} is the coordinator's token subject. */
    public void choose(String optionId, String chosenBy, Instant now) {
        requireStatus(BookingStatus.AWAITING_CHOICE, "choose an option");
        if (options.stream().noneMatch(option -> option.optionId().equals(optionId))) {
            throw new RuleViolationException("unknown-option", "Booking " + caseId + " has no option " + optionId);
        }
        chosenOptionId = optionId;
        this.chosenBy = chosenBy;
        status = BookingStatus.HOLDING;
        touch(now);
    }

    /**
     * The coordinator's constraints for this patient (availability, French-speaking team, hospitals to avoid): the search
     * starts again with them. Before a slot is booked only: options not yet offered or offered (also after none was
     * left) are searched again; an appointment the hospital has not answered yet is withdrawn first (hold released,
     * hospital told it is cancelled). A booked surgery is moved or cancelled instead.
     */
    public void constrain(PatientConstraints constraints, Instant now) {
        switch (status) {
            case SEARCHING, AWAITING_CHOICE, NO_OPTION -> {
            }
            case AWAITING_HOSPITAL_CONFIRMATION -> withdrawAppointment(now);
            case HOLDING -> throw new RuleViolationException("booking-holding",
                    "A slot is being held for case " + caseId + "; set the constraints again in a moment");
            case SCHEDULED -> throw new RuleViolationException("booking-already-scheduled",
                    "The surgery of case " + caseId + " is booked: reschedule or cancel it instead");
            default -> throw new RuleViolationException("booking-not-open", "The booking of case " + caseId + " is " + status);
        }
        patientConstraints = constraints;
        options = new ArrayList<>();
        chosenOptionId = null;
        chosenBy = null;
        status = BookingStatus.SEARCHING;
        searchRound++;
        stepSucceeded();
        touch(now);
    }

    /** Checks that the hospital may confirm this appointment now, before the hold is confirmed on facility-gateway. */
    public void requireAwaitingConfirmation(String appointmentId, Instant now) {
        requireAppointment(appointmentId);
        requireStatus(BookingStatus.AWAITING_HOSPITAL_CONFIRMATION, "confirm the appointment");
        if (confirmBy != null && !now.isBefore(confirmBy)) {
            throw new RuleViolationException("answer-timed-out",
                    "Appointment " + appointmentId + " was not answered in time; its hold is being released");
        }
    }

    /** True when this appointment was already confirmed: a repeated confirmation changes nothing. */
    public boolean isConfirmed(String appointmentId) {
        return appointment != null && appointment.appointmentId().equals(appointmentId)
                && (status == BookingStatus.SCHEDULED || status == BookingStatus.COMPLETED);
    }

    /** The hospital confirmed and facility-gateway booked the slot: the surgery date is fixed. */
    public void confirm(String appointmentId, Hold confirmed, Instant now) {
        confirm(appointmentId, confirmed, null, now);
    }

    /** As {@link #confirm(String, Hold, Instant)}, recording who answered for the hospital. */
    public void confirm(String appointmentId, Hold confirmed, Answerer answerer, Instant now) {
        if (isConfirmed(appointmentId)) {
            return;
        }
        requireAwaitingConfirmation(appointmentId, now);
        hold = confirmed;
        status = BookingStatus.SCHEDULED;
        confirmBy = null;
        recordDecision(answerer, "CONFIRMED", now);
        travelPlan = TravelPlan.forAppointment(appointment, chosenOption().map(BookingOption::city).orElse(null));
        notifyHospital(FeedStatus.BOOKED, now);
        touch(now);
        raise(new SurgeryScheduled(caseId, appointment.hospitalId(), appointment.appointmentId(), category,
                appointment.preOpConsultationOn(), appointment.surgeryOn(), appointment.fitToFlyOn(), now), now);
        raiseTravelPlanUpdated(now);
    }

    /** The hospital declined: its hold is released, its option dropped, the next option offered. */
    public void decline(String appointmentId, boolean autoPick, Instant now) {
        decline(appointmentId, autoPick, null, now);
    }

    /** As {@link #decline(String, boolean, Instant)}, recording who answered for the hospital. */
    public void decline(String appointmentId, boolean autoPick, Answerer answerer, Instant now) {
        requireAppointment(appointmentId);
        requireStatus(BookingStatus.AWAITING_HOSPITAL_CONFIRMATION, "decline the appointment");
        recordDecision(answerer, "DECLINED", now);
        withdrawAppointment(now);
        dropChosenOption();
        offerOptions(autoPick, now);
        touch(now);
    }

    /** The hospital reports the surgery done; rehabilitation follow-up starts from the event. */
    public void complete(String appointmentId, LocalDate performedOn, LocalDate dischargedOn, SurgeryOutcome outcome, Instant now) {
        complete(appointmentId, performedOn, dischargedOn, outcome, null, now);
    }

    /** As {@link #complete(String, LocalDate, LocalDate, SurgeryOutcome, Instant)}, recording who answered for the hospital. */
    public void complete(String appointmentId, LocalDate performedOn, LocalDate dischargedOn, SurgeryOutcome outcome, Answerer answerer,
            Instant now) {
        requireAppointment(appointmentId);
        requireStatus(BookingStatus.SCHEDULED, "report the surgery");
        if (performedOn.isAfter(LocalDate.ofInstant(now, QUEBEC))) {
            throw new RuleViolationException("performed-in-the-future", "performedOn must not be after today (Québec date)");
        }
        if (dischargedOn != null && dischargedOn.isBefore(performedOn)) {
            throw new RuleViolationException("discharge-before-surgery", "dischargedOn must not be before performedOn");
        }
        recordDecision(answerer, "COMPLETED", now);
        status = BookingStatus.COMPLETED;
        touch(now);
        raise(new SurgeryCompleted(caseId, appointment.hospitalId(), appointment.appointmentId(), category, performedOn,
                dischargedOn, outcome, now), now);
    }

    /**
     * Scheduling stops for this case, whoever asked: whatever is held is released, the hospital is told its
     * appointment is cancelled, the travel plan is cancelled, and {@code SurgeryCancelled} is raised. A completed
     * surgery, or a booking already cancelled, stays as it was.
     *
     * @return false when there was nothing left to cancel
     */
    public boolean cancel(CancellationReason reason, Initiator initiatedBy, Instant now) {
        if (!status.isOpen()) {
            return false;
        }
        if (hold != null) {
            holdsToRelease.add(hold.holdId());
            hold = null;
        }
        if (appointment != null) {
            notifyHospital(FeedStatus.CANCELLED, now);
        }
        chosenOptionId = null;
        confirmBy = null;
        status = BookingStatus.CANCELLED;
        closingReason = reason.name();
        touch(now);
        raise(new SurgeryCancelled(caseId, appointment == null ? null : appointment.hospitalId(),
                appointment == null ? null : appointment.appointmentId(), reason, initiatedBy, now), now);
        if (travelPlan != null) {
            travelPlan = travelPlan.cancelledPlan();
            raiseTravelPlanUpdated(now);
        }
        return true;
    }

    /** The hospital (or a coordinator on its behalf) cancels its held or booked appointment. */
    public boolean cancelByHospital(String appointmentId, Answerer answerer, Instant now) {
        requireAppointment(appointmentId);
        if (!status.isOpen()) {
            throw new RuleViolationException("booking-not-open", "Appointment " + appointmentId + " can no longer be cancelled");
        }
        recordDecision(answerer, "CANCELLED", now);
        return cancel(CancellationReason.HOSPITAL_UNAVAILABLE, Initiator.HOSPITAL, now);
    }

    /**
     * The booked surgery moves to {@code surgeryOn} (the hospital proposed it, or the coordinator agreed it with the
     * hospital): the dates and the travel plan are recomputed, the hospital's feed shows the new time. Moving to the
     * date it already has changes nothing.
     *
     * @return false when the date did not change
     */
    public boolean reschedule(String appointmentId, LocalDate surgeryOn, Initiator initiatedBy, Answerer answerer,
            SchedulingProperties policy, Instant now) {
        requireStatus(BookingStatus.SCHEDULED, "reschedule the surgery");
        requireAppointment(appointmentId);
        if (surgeryOn.isBefore(LocalDate.ofInstant(now, QUEBEC))) {
            throw new RuleViolationException("surgery-date-in-the-past", "The new surgery date must not be before today (Québec date)");
        }
        LocalDate previous = appointment.surgeryOn();
        if (previous.equals(surgeryOn)) {
            return false;
        }
        appointment = new Appointment(appointment.appointmentId(), appointment.hospitalId(), surgeryOn,
                policy.preOpConsultationOn(surgeryOn), policy.fitToFlyOn(category, surgeryOn));
        recordDecision(answerer, "RESCHEDULED", now);
        travelPlan = travelPlan == null ? TravelPlan.forAppointment(appointment, null) : travelPlan.movedTo(appointment);
        notifyHospital(FeedStatus.BOOKED, now);
        touch(now);
        raise(new SurgeryRescheduled(caseId, appointment.hospitalId(), appointment.appointmentId(), previous, surgeryOn,
                appointment.fitToFlyOn(), initiatedBy, now), now);
        raiseTravelPlanUpdated(now);
        return true;
    }

    /**
     * The coordinator's bookings for the trip. The return flight never leaves before the fit-to-fly date, the outbound
     * one never after the pre-op consultation, and the lodging never ends before it starts.
     */
    public void planTravel(TravelPlan.Flight outbound, TravelPlan.Flight inbound, TravelPlan.Lodging lodging,
            TravelPlan.Companion accompanyingPerson, Set<TravelDocument> documentsReady, Instant now) {
        if (travelPlan == null || status != BookingStatus.SCHEDULED) {
            throw new RuleViolationException("booking-not-scheduled",
                    "Cannot plan the travel of case " + caseId + ": the booking is " + status + ", not SCHEDULED");
        }
        if (inbound != null && inbound.departureOn().isBefore(travelPlan.fitToFlyOn())) {
            throw new RuleViolationException("return-before-fit-to-fly", "The return flight must not leave before the fit-to-fly date");
        }
        if (outbound != null && outbound.departureOn().isAfter(travelPlan.preOpConsultationOn())) {
            throw new RuleViolationException("outbound-after-pre-op-consultation",
                    "The outbound flight must not leave after the pre-op consultation");
        }
        if (lodging != null && lodging.checkOutOn().isBefore(lodging.checkInOn())) {
            throw new RuleViolationException("lodging-ends-before-it-starts", "The lodging check-out must not be before its check-in");
        }
        travelPlan = travelPlan.withBookings(outbound, inbound, lodging, accompanyingPerson, documentsReady);
        updatedAt = now;
        raiseTravelPlanUpdated(now);
    }

    /** Who answers for the hospital: its token subject, and whether it is the hospital itself or a coordinator on its behalf. */
    public record Answerer(String subject, boolean onBehalf) {
    }

    // ---- internals ---------------------------------------------------------------------------------------------

    private void recordDecision(Answerer answerer, String decision, Instant now) {
        if (answerer != null) {
            hospitalDecisions.add(new HospitalDecision(appointment.appointmentId(), appointment.hospitalId(), decision, answerer.subject(),
                    answerer.onBehalf() ? "COORDINATOR" : "HOSPITAL", now));
        }
    }

    /** Offers the remaining options (raising {@code SurgeryOptionsOffered}, empty when none is left). */
    private void offerOptions(boolean autoPick, Instant now) {
        chosenOptionId = null;
        raise(new SurgeryOptionsOffered(caseId, options.stream()
                .map(option -> new SurgeryOptionsOffered.Option(option.hospitalId(), option.surgeryOn())).toList(), now), now);
        if (options.isEmpty()) {
            status = BookingStatus.NO_OPTION;
            return;
        }
        status = BookingStatus.AWAITING_CHOICE;
        if (autoPick) {
            chosenOptionId = options.get(0).optionId();
            status = BookingStatus.HOLDING;
        }
    }

    private void dropChosenOption() {
        options.removeIf(option -> option.optionId().equals(chosenOptionId));
        chosenOptionId = null;
    }

    private void stepSucceeded() {
        failedAttempts = 0;
        lastError = null;
    }

    /** The current appointment is withdrawn (declined or timed out): its hold is released and its hospital told. */
    private void withdrawAppointment(Instant now) {
        notifyHospital(FeedStatus.CANCELLED, now);
        if (hold != null) {
            holdsToRelease.add(hold.holdId());
        }
        hold = null;
        appointment = null;
        confirmBy = null;
    }

    private void notifyHospital(FeedStatus feedStatus, Instant now) {
        feedNotices.add(new FeedNotice(UUID.randomUUID().toString(), caseId, appointment.hospitalId(), appointment.appointmentId(),
                category, appointment.surgeryOn(), feedStatus, now));
    }

    private void raiseTravelPlanUpdated(Instant now) {
        TravelPlan plan = travelPlan;
        raise(new TravelPlanUpdated(caseId, plan.hospitalId(), plan.preOpConsultationOn(), plan.surgeryOn(), plan.fitToFlyOn(),
                plan.outbound() == null ? null : plan.outbound().departureOn(), plan.inbound() == null ? null : plan.inbound().departureOn(),
                plan.lodging() != null, plan.accompanyingPerson() != null, plan.missingDocuments(), plan.status(), now), now);
    }

    /** Records the change and, when the driver has something to do, makes it due: now, or at the answer deadline. */
    private void touch(Instant now) {
        updatedAt = now;
        SagaStep next = nextStep();
        nextActionAt = switch (next) {
            case NONE -> null;
            case ANSWER_TIMEOUT -> confirmBy;
            default -> now;
        };
    }

    private void requireStatus(BookingStatus expected, String action) {
        if (status != expected) {
            throw new RuleViolationException("booking-not-" + expected.name().toLowerCase().replace('_', '-'),
                    "Cannot " + action + " of case " + caseId + ": the booking is " + status + ", not " + expected);
        }
    }

    private void requireAppointment(String appointmentId) {
        if (appointment == null || !appointment.appointmentId().equals(appointmentId)) {
            throw new RuleViolationException("not-the-current-appointment",
                    "Appointment " + appointmentId + " is not the current appointment of its booking");
        }
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    public String caseId() {
        return caseId;
    }

    public SurgicalCategory category() {
        return category;
    }

    public BookingStatus status() {
        return status;
    }

    public Instant recommendedAt() {
        return recommendedAt;
    }

    public List<BookingOption> options() {
        return Collections.unmodifiableList(options);
    }

    public Optional<BookingOption> chosenOption() {
        return options.stream().filter(option -> option.optionId().equals(chosenOptionId)).findFirst();
    }

    public Optional<String> chosenBy() {
        return Optional.ofNullable(chosenBy);
    }

    public List<HospitalDecision> hospitalDecisions() {
        return Collections.unmodifiableList(hospitalDecisions);
    }

    public Optional<Hold> hold() {
        return Optional.ofNullable(hold);
    }

    public Optional<Appointment> appointment() {
        return Optional.ofNullable(appointment);
    }

    public List<String> holdsToRelease() {
        return Collections.unmodifiableList(holdsToRelease);
    }

    public Optional<Instant> nextActionAt() {
        return Optional.ofNullable(nextActionAt);
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<String> closingReason() {
        return Optional.ofNullable(closingReason);
    }

    public Optional<Instant> confirmBy() {
        return Optional.ofNullable(confirmBy);
    }

    public Optional<TravelPlan> travelPlan() {
        return Optional.ofNullable(travelPlan);
    }

    public PatientConstraints patientConstraints() {
        return patientConstraints == null ? PatientConstraints.NONE : patientConstraints;
    }

    public int searchRound() {
        return searchRound;
    }

    public List<FeedNotice> feedNotices() {
        return Collections.unmodifiableList(feedNotices);
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
