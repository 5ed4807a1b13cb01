package ca.passerelle.travel.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.travel.SurgeryCompleted;
import ca.passerelle.events.travel.SurgeryOutcome;
import ca.passerelle.events.travel.SurgeryScheduled;
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
        if (!holdsToRelease.isEmpty()) {
            return SagaStep.RELEASE_HOLD;
        }
        return switch (status) {
            case SEARCHING -> SagaStep.SEARCH;
            case HOLDING -> SagaStep.HOLD;
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
        if (status != BookingStatus.SEARCHING) {
            return;
        }
        stepSucceeded();
        options = new ArrayList<>(found);
        offerOptions(autoPick);
        touch(now);
    }

    void holdPlaced(String optionId, Hold placed, String appointmentId, SchedulingProperties policy, Instant now) {
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
        touch(now);
    }

    void slotUnavailable(String optionId, boolean autoPick, Instant now) {
        if (status != BookingStatus.HOLDING || !optionId.equals(chosenOptionId)) {
            return;
        }
        stepSucceeded();
        dropChosenOption();
        offerOptions(autoPick);
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

    /** Checks that the hospital may confirm this appointment now, before the hold is confirmed on facility-gateway. */
    public void requireAwaitingConfirmation(String appointmentId) {
        requireAppointment(appointmentId);
        requireStatus(BookingStatus.AWAITING_HOSPITAL_CONFIRMATION, "confirm the appointment");
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
        requireAwaitingConfirmation(appointmentId);
        hold = confirmed;
        status = BookingStatus.SCHEDULED;
        recordDecision(answerer, "CONFIRMED", now);
        touch(now);
        raise(new SurgeryScheduled(caseId, appointment.hospitalId(), appointment.appointmentId(), category,
                appointment.preOpConsultationOn(), appointment.surgeryOn(), appointment.fitToFlyOn(), now), now);
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
        holdsToRelease.add(hold.holdId());
        hold = null;
        appointment = null;
        dropChosenOption();
        offerOptions(autoPick);
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
        if (dischargedOn != null && dischargedOn.isBefore(performedOn)) {
            throw new RuleViolationException("discharge-before-surgery", "dischargedOn must not be before performedOn");
        }
        recordDecision(answerer, "COMPLETED", now);
        status = BookingStatus.COMPLETED;
        touch(now);
        raise(new SurgeryCompleted(caseId, appointment.hospitalId(), appointment.appointmentId(), category, performedOn,
                dischargedOn, outcome, now), now);
    }

    /** The pathway stopped for this case: whatever is held is released; a completed surgery stays as it was. */
    public void cancel(String reason, Instant now) {
        if (!status.isOpen()) {
            return;
        }
        if (hold != null) {
            holdsToRelease.add(hold.holdId());
            hold = null;
        }
        chosenOptionId = null;
        status = BookingStatus.CANCELLED;
        closingReason = reason;
        touch(now);
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

    private void offerOptions(boolean autoPick) {
        chosenOptionId = null;
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

    /** Records the change and, when the driver has something to do, makes it due now. */
    private void touch(Instant now) {
        updatedAt = now;
        nextActionAt = nextStep() == SagaStep.NONE ? null : now;
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

    public Instant updatedAt() {
        return updatedAt;
    }
}
