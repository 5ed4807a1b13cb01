package ca.passerelle.travel.booking;

import static ca.passerelle.travel.booking.BookingFixtures.LYON;
import static ca.passerelle.travel.booking.BookingFixtures.NOW;
import static ca.passerelle.travel.booking.BookingFixtures.PARIS;
import static ca.passerelle.travel.booking.BookingFixtures.heldSlot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.travel.CancellationReason;
import ca.passerelle.events.travel.Initiator;
import ca.passerelle.events.travel.SurgeryOutcome;
import ca.passerelle.platform.messaging.OutboxEntry;
import ca.passerelle.platform.web.RuleViolationException;

class SurgeryBookingTest {

    private static final SchedulingProperties POLICY = Policies.defaults();
    private static final Duration LEASE = Duration.ofSeconds(30);
    /** 2027-01-21 in Québec: the day after the fixtures' surgery. */
    private static final Instant AFTER_SURGERY = Instant.parse("2027-01-21T15:00:00Z");

    @Test
    void startsSearchingAtOnceWhenSurgeryIsRecommended() {
        SurgeryBooking booking = BookingFixtures.searching();

        assertThat(booking.status()).isEqualTo(BookingStatus.SEARCHING);
        assertThat(booking.nextStep()).isEqualTo(SagaStep.SEARCH);
        assertThat(booking.isDue(NOW)).isTrue();
        assertThat(booking.pendingEvents()).isEmpty();
    }

    @Test
    void holdsTheBestOptionAtOnceWhenAutoPickIsOn() {
        SurgeryBooking booking = BookingFixtures.holding();

        assertThat(booking.status()).isEqualTo(BookingStatus.HOLDING);
        assertThat(booking.chosenOption()).contains(LYON);
        assertThat(booking.nextStep()).isEqualTo(SagaStep.HOLD);
    }

    @Test
    void waitsForTheCoordinatorsChoiceWhenAutoPickIsOff() {
        SurgeryBooking booking = BookingFixtures.searching();
        booking.optionsFound(List.of(LYON, PARIS), false, NOW);

        assertThat(booking.status()).isEqualTo(BookingStatus.AWAITING_CHOICE);
        assertThat(booking.nextStep()).isEqualTo(SagaStep.NONE);
        assertThat(booking.nextActionAt()).isEmpty();

        booking.choose(PARIS.optionId(), "coordonnatrice", NOW);

        assertThat(booking.status()).isEqualTo(BookingStatus.HOLDING);
        assertThat(booking.chosenOption()).contains(PARIS);
        assertThat(booking.chosenBy()).contains("coordonnatrice");
    }

    @Test
    void refusesAChoiceOfAnOptionItDoesNotHave() {
        SurgeryBooking booking = BookingFixtures.searching();
        booking.optionsFound(List.of(LYON), false, NOW);

        assertThatThrownBy(() -> booking.choose("opt-9", "coordonnatrice", NOW)).isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).rule()).isEqualTo("unknown-option");
    }

    @Test
    void refusesAChoiceOutsideAwaitingChoice() {
        SurgeryBooking booking = BookingFixtures.holding();

        assertThatThrownBy(() -> booking.choose(PARIS.optionId(), "coordonnatrice", NOW)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void endsWithNoOptionWhenNoHospitalHasASlot() {
        SurgeryBooking booking = BookingFixtures.searching();
        booking.optionsFound(List.of(), true, NOW);

        assertThat(booking.status()).isEqualTo(BookingStatus.NO_OPTION);
        assertThat(booking.nextActionAt()).isEmpty();
    }

    @Test
    void searchesAgainWithThePatientsConstraintsOnceNoOptionWasLeft() {
        SurgeryBooking booking = BookingFixtures.searching();
        booking.optionsFound(List.of(), true, NOW);
        PatientConstraints constraints = new PatientConstraints(LocalDate.parse("2027-02-01"), null, true, Set.of("fr-lyon-chu-01"));

        booking.constrain(constraints, NOW.plusSeconds(60));

        assertThat(booking.status()).isEqualTo(BookingStatus.SEARCHING);
        assertThat(booking.patientConstraints()).isEqualTo(constraints);
        assertThat(booking.options()).isEmpty();
        assertThat(booking.nextStep()).isEqualTo(SagaStep.SEARCH);
        assertThat(booking.isDue(NOW.plusSeconds(60))).isTrue();
    }

    @Test
    void ignoresTheAnswerOfASearchStartedBeforeTheConstraintsChanged() {
        SurgeryBooking booking = BookingFixtures.searching();
        int before = booking.searchRound();
        booking.constrain(new PatientConstraints(null, null, true, Set.of()), NOW);

        booking.optionsFound(before, List.of(LYON, PARIS), true, NOW);

        assertThat(booking.status()).as("the older search's options are not taken").isEqualTo(BookingStatus.SEARCHING);
        assertThat(booking.options()).isEmpty();

        booking.optionsFound(booking.searchRound(), List.of(PARIS), true, NOW);

        assertThat(booking.status()).isEqualTo(BookingStatus.HOLDING);
        assertThat(booking.chosenOption()).contains(PARIS);
    }

    @Test
    void withdrawsAnUnansweredAppointmentWhenTheConstraintsChangeAndRefusesThemOnceBooked() {
        SurgeryBooking awaiting = BookingFixtures.awaitingConfirmation("apt-1");

        awaiting.constrain(new PatientConstraints(null, LocalDate.parse("2027-01-25"), false, Set.of()), NOW);

        assertThat(awaiting.status()).isEqualTo(BookingStatus.SEARCHING);
        assertThat(awaiting.hold()).isEmpty();
        assertThat(awaiting.appointment()).isEmpty();
        assertThat(awaiting.confirmBy()).isEmpty();
        assertThat(awaiting.holdsToRelease()).containsExactly("hold-1");
        assertThat(awaiting.feedNotices()).extracting(FeedNotice::status).containsExactly(FeedStatus.PROPOSED, FeedStatus.CANCELLED);
        assertThat(awaiting.nextStep()).as("the hospital is told and the hold released before the new search")
                .isEqualTo(SagaStep.PUBLISH_FEED);

        SurgeryBooking scheduled = BookingFixtures.scheduled("apt-2");
        assertThatThrownBy(() -> scheduled.constrain(PatientConstraints.NONE, NOW))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).rule()).isEqualTo("booking-already-scheduled");
        assertThat(scheduled.status()).isEqualTo(BookingStatus.SCHEDULED);
        SurgeryBooking holding = BookingFixtures.holding();
        assertThatThrownBy(() -> holding.constrain(PatientConstraints.NONE, NOW))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).rule()).isEqualTo("booking-holding");
    }

    @Test
    void awaitsTheHospitalWithTheAppointmentDatesOnceTheSlotIsHeld() {
        SurgeryBooking booking = BookingFixtures.awaitingConfirmation("apt-1");

        assertThat(booking.status()).isEqualTo(BookingStatus.AWAITING_HOSPITAL_CONFIRMATION);
        assertThat(booking.hold()).map(Hold::holdId).contains("hold-1");
        assertThat(booking.appointment()).contains(new Appointment("apt-1", "fr-lyon-chu-01", LocalDate.parse("2027-01-20"),
                LocalDate.parse("2027-01-18"), LocalDate.parse("2027-01-30")));
        assertThat(booking.confirmBy()).contains(BookingFixtures.CONFIRM_BY);
        assertThat(booking.nextStep()).isEqualTo(SagaStep.PUBLISH_FEED);
        assertThat(booking.feedNotices()).singleElement().satisfies(notice -> {
            assertThat(notice.status()).isEqualTo(FeedStatus.PROPOSED);
            assertThat(notice.hospitalId()).isEqualTo("fr-lyon-chu-01");
            assertThat(notice.surgeryOn()).isEqualTo(LocalDate.parse("2027-01-20"));
        });
        assertThat(booking.pendingEvents()).extracting(OutboxEntry::type)
                .containsExactly(EventCatalog.SURGERY_OPTIONS_OFFERED.name(), EventCatalog.SURGERY_SLOT_HELD.name());

        booking.feedNoticePublished(booking.feedNotices().get(0).noticeId(), NOW);

        assertThat(booking.nextStep()).isEqualTo(SagaStep.ANSWER_TIMEOUT);
        assertThat(booking.nextActionAt()).contains(BookingFixtures.CONFIRM_BY);
        assertThat(booking.isDue(BookingFixtures.CONFIRM_BY.minusSeconds(1))).isFalse();
    }

    @Test
    void releasesTheHoldAndOffersTheNextOptionWhenTheHospitalDoesNotAnswerInTime() {
        SurgeryBooking booking = BookingFixtures.awaitingConfirmation("apt-1");

        booking.answerTimedOut("apt-1", true, BookingFixtures.CONFIRM_BY.minusSeconds(1));
        assertThat(booking.status()).as("not yet due").isEqualTo(BookingStatus.AWAITING_HOSPITAL_CONFIRMATION);
        assertThatThrownBy(() -> booking.requireAwaitingConfirmation("apt-1", BookingFixtures.CONFIRM_BY))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).rule()).isEqualTo("answer-timed-out");

        booking.answerTimedOut("apt-1", true, BookingFixtures.CONFIRM_BY);

        assertThat(booking.status()).isEqualTo(BookingStatus.HOLDING);
        assertThat(booking.chosenOption()).contains(PARIS);
        assertThat(booking.holdsToRelease()).containsExactly("hold-1");
        assertThat(booking.appointment()).isEmpty();
        assertThat(booking.confirmBy()).isEmpty();
        assertThat(booking.feedNotices()).extracting(FeedNotice::status).containsExactly(FeedStatus.PROPOSED, FeedStatus.CANCELLED);
        assertThat(booking.hospitalDecisions()).extracting(HospitalDecision::decision).containsExactly("TIMED_OUT");
        assertThat(booking.pendingEvents()).extracting(OutboxEntry::type).containsExactly(EventCatalog.SURGERY_OPTIONS_OFFERED.name(),
                EventCatalog.SURGERY_SLOT_HELD.name(), EventCatalog.SURGERY_OPTIONS_OFFERED.name());
    }

    @Test
    void refusesCompletionDatedAfterTodayInQuebec() {
        SurgeryBooking booking = BookingFixtures.scheduled("apt-1");
        // 2027-01-20T03:00Z is still 19 January in Québec.
        Instant lateEveningBefore = Instant.parse("2027-01-20T03:00:00Z");

        assertThatThrownBy(() -> booking.complete("apt-1", LocalDate.parse("2027-01-20"), null, SurgeryOutcome.COMPLETED_AS_PLANNED,
                lateEveningBefore)).isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).rule()).isEqualTo("performed-in-the-future");
        assertThat(booking.status()).isEqualTo(BookingStatus.SCHEDULED);

        booking.complete("apt-1", LocalDate.parse("2027-01-20"), null, SurgeryOutcome.COMPLETED_AS_PLANNED, Instant.parse("2027-01-20T06:00:00Z"));
        assertThat(booking.status()).isEqualTo(BookingStatus.COMPLETED);
    }

    @Test
    void reschedulingMovesTheDatesAndTheTravelPlanAndDropsAReturnFlightThatNoLongerFits() {
        SurgeryBooking booking = BookingFixtures.scheduled("apt-1");
        booking.planTravel(new TravelPlan.Flight("AC870", LocalDate.parse("2027-01-15"), "Montréal", "Lyon"),
                new TravelPlan.Flight("AC871", LocalDate.parse("2027-01-31"), "Lyon", "Montréal"), null, null, Set.of(), NOW);
        assertThatThrownBy(() -> booking.planTravel(null, new TravelPlan.Flight("AC871", LocalDate.parse("2027-01-29"), "Lyon", "Montréal"),
                null, null, Set.of(), NOW)).isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).rule()).isEqualTo("return-before-fit-to-fly");

        boolean moved = booking.reschedule("apt-1", LocalDate.parse("2027-01-27"), Initiator.HOSPITAL, null, POLICY, NOW);

        assertThat(moved).isTrue();
        assertThat(booking.appointment().orElseThrow().fitToFlyOn()).isEqualTo(LocalDate.parse("2027-02-06"));
        TravelPlan plan = booking.travelPlan().orElseThrow();
        assertThat(plan.fitToFlyOn()).isEqualTo(LocalDate.parse("2027-02-06"));
        assertThat(plan.preOpConsultationOn()).isEqualTo(LocalDate.parse("2027-01-25"));
        assertThat(plan.outbound()).isNotNull();
        assertThat(plan.inbound()).isNull();
        assertThat(plan.returnToRebook()).isTrue();
        assertThat(booking.feedNotices()).extracting(FeedNotice::status).endsWith(FeedStatus.BOOKED);
        OutboxEntry last = booking.pendingEvents().get(booking.pendingEvents().size() - 1);
        assertThat(last.type()).isEqualTo(EventCatalog.TRAVEL_PLAN_UPDATED.name());
        assertThat(last.data()).doesNotContain("AC87").contains("\"fitToFlyOn\":\"2027-02-06\"").contains("\"returnOn\":null");
        assertThat(booking.reschedule("apt-1", LocalDate.parse("2027-01-27"), Initiator.HOSPITAL, null, POLICY, NOW)).isFalse();
    }

    @Test
    void cancellingABookedSurgeryReleasesTellsTheHospitalAndCancelsTheTravel() {
        SurgeryBooking booking = BookingFixtures.scheduled("apt-1");

        booking.cancel(CancellationReason.COORDINATOR_DECISION, Initiator.COORDINATOR, NOW);

        assertThat(booking.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(booking.holdsToRelease()).containsExactly("hold-1");
        assertThat(booking.feedNotices()).extracting(FeedNotice::status).endsWith(FeedStatus.CANCELLED);
        assertThat(booking.travelPlan().orElseThrow().status()).isEqualTo("CANCELLED");
        assertThat(booking.pendingEvents()).extracting(OutboxEntry::type).endsWith(EventCatalog.SURGERY_CANCELLED.name(),
                EventCatalog.TRAVEL_PLAN_UPDATED.name());
        assertThat(booking.cancel(CancellationReason.COORDINATOR_DECISION, Initiator.COORDINATOR, NOW)).isFalse();
    }

    @Test
    void queuesForReleaseAHoldThatArrivesAfterTheBookingWasCancelled() {
        SurgeryBooking booking = BookingFixtures.holding();
        booking.cancel(CancellationReason.URGENT_REFERRAL, Initiator.PATHWAY, NOW);

        booking.holdPlaced(LYON.optionId(), heldSlot("late-hold", LYON), "apt-1", POLICY, NOW.plusSeconds(3600), NOW);

        assertThat(booking.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(booking.hold()).isEmpty();
        assertThat(booking.holdsToRelease()).containsExactly("late-hold");
        assertThat(booking.nextStep()).isEqualTo(SagaStep.RELEASE_HOLD);
        assertThat(booking.isDue(NOW)).isTrue();
    }

    @Test
    void movesToTheNextOptionWhenTheSlotWasTaken() {
        SurgeryBooking booking = BookingFixtures.holding();

        booking.slotUnavailable(LYON.optionId(), true, NOW);

        assertThat(booking.status()).isEqualTo(BookingStatus.HOLDING);
        assertThat(booking.options()).containsExactly(PARIS);
        assertThat(booking.chosenOption()).contains(PARIS);

        booking.slotUnavailable(PARIS.optionId(), true, NOW);

        assertThat(booking.status()).isEqualTo(BookingStatus.NO_OPTION);
    }

    @Test
    void releasesTheDeclinedHoldAndOffersTheNextOption() {
        SurgeryBooking booking = BookingFixtures.awaitingConfirmation("apt-1");

        booking.decline("apt-1", true, NOW);

        assertThat(booking.holdsToRelease()).containsExactly("hold-1");
        assertThat(booking.hold()).isEmpty();
        assertThat(booking.appointment()).isEmpty();
        assertThat(booking.status()).isEqualTo(BookingStatus.HOLDING);
        assertThat(booking.chosenOption()).contains(PARIS);
        assertThat(booking.nextStep()).isEqualTo(SagaStep.PUBLISH_FEED);
        booking.feedNotices().stream().map(FeedNotice::noticeId).toList().forEach(id -> booking.feedNoticePublished(id, NOW));
        assertThat(booking.nextStep()).isEqualTo(SagaStep.RELEASE_HOLD);

        booking.holdReleased("hold-1", NOW);

        assertThat(booking.holdsToRelease()).isEmpty();
        assertThat(booking.nextStep()).isEqualTo(SagaStep.HOLD);
    }

    @Test
    void recordsWhoAnsweredForTheHospitalItselfOrACoordinatorOnItsBehalf() {
        SurgeryBooking booking = BookingFixtures.awaitingConfirmation("apt-1");
        Hold held = booking.hold().orElseThrow();

        booking.confirm("apt-1", new Hold(held.holdId(), held.slotId(), held.facilityId(), held.date(), "CONFIRMED", null),
                new SurgeryBooking.Answerer("coordonnatrice", true), NOW);
        booking.complete("apt-1", LocalDate.parse("2027-01-20"), null, SurgeryOutcome.COMPLETED_AS_PLANNED,
                new SurgeryBooking.Answerer("fr-lyon-chu-01", false), AFTER_SURGERY);

        assertThat(booking.hospitalDecisions()).containsExactly(
                new HospitalDecision("apt-1", LYON.hospitalId(), "CONFIRMED", "coordonnatrice", "COORDINATOR", NOW),
                new HospitalDecision("apt-1", LYON.hospitalId(), "COMPLETED", "fr-lyon-chu-01", "HOSPITAL", AFTER_SURGERY));
    }

    @Test
    void recordsADeclineWithTheAppointmentItWithdraws() {
        SurgeryBooking booking = BookingFixtures.awaitingConfirmation("apt-1");

        booking.decline("apt-1", false, new SurgeryBooking.Answerer("fr-lyon-chu-01", false), NOW);

        assertThat(booking.appointment()).isEmpty();
        assertThat(booking.hospitalDecisions()).singleElement()
                .isEqualTo(new HospitalDecision("apt-1", LYON.hospitalId(), "DECLINED", "fr-lyon-chu-01", "HOSPITAL", NOW));
    }

    @Test
    void raisesSurgeryScheduledOnceEvenIfTheHospitalConfirmsTwice() {
        SurgeryBooking booking = BookingFixtures.scheduled("apt-1");
        booking.confirm("apt-1", booking.hold().orElseThrow(), NOW.plusSeconds(60));

        assertThat(booking.status()).isEqualTo(BookingStatus.SCHEDULED);
        assertThat(booking.pendingEvents()).extracting(OutboxEntry::type).containsOnlyOnce(EventCatalog.SURGERY_SCHEDULED.name());
        assertThat(booking.hold()).map(Hold::status).contains("CONFIRMED");
    }

    @Test
    void refusesToConfirmAnAppointmentThatIsNotTheCurrentOne() {
        SurgeryBooking booking = BookingFixtures.awaitingConfirmation("apt-1");

        assertThatThrownBy(() -> booking.confirm("apt-other", booking.hold().orElseThrow(), NOW))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).rule()).isEqualTo("not-the-current-appointment");
    }

    @Test
    void refusesCompletionBeforeTheHospitalConfirmed() {
        SurgeryBooking booking = BookingFixtures.awaitingConfirmation("apt-1");

        int before = booking.pendingEvents().size();
        assertThatThrownBy(() -> booking.complete("apt-1", LocalDate.parse("2027-01-20"), null, SurgeryOutcome.COMPLETED_AS_PLANNED, AFTER_SURGERY))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).rule()).isEqualTo("booking-not-scheduled");
        assertThat(booking.pendingEvents()).hasSize(before);
    }

    @Test
    void refusesADischargeBeforeTheSurgery() {
        SurgeryBooking booking = BookingFixtures.scheduled("apt-1");

        assertThatThrownBy(() -> booking.complete("apt-1", LocalDate.parse("2027-01-20"), LocalDate.parse("2027-01-19"),
                SurgeryOutcome.COMPLETED_AS_PLANNED, AFTER_SURGERY)).isInstanceOf(RuleViolationException.class);
        assertThat(booking.status()).isEqualTo(BookingStatus.SCHEDULED);
    }

    @Test
    void completesAScheduledSurgeryAndRaisesTheSecondEvent() {
        SurgeryBooking booking = BookingFixtures.scheduled("apt-1");

        booking.complete("apt-1", LocalDate.parse("2027-01-20"), LocalDate.parse("2027-01-23"), SurgeryOutcome.COMPLETED_AS_PLANNED,
                AFTER_SURGERY);

        assertThat(booking.status()).isEqualTo(BookingStatus.COMPLETED);
        List<OutboxEntry> events = booking.pendingEvents();
        assertThat(events).extracting(OutboxEntry::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(events.get(events.size() - 1).type()).isEqualTo(EventCatalog.SURGERY_COMPLETED.name());
    }

    @Test
    void cancelsAndReleasesTheHoldOfABookingAwaitingTheHospital() {
        SurgeryBooking booking = BookingFixtures.awaitingConfirmation("apt-1");

        booking.cancel(CancellationReason.URGENT_REFERRAL, Initiator.PATHWAY, NOW);

        assertThat(booking.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(booking.holdsToRelease()).containsExactly("hold-1");
        assertThat(booking.hold()).isEmpty();
        assertThat(booking.closingReason()).contains("URGENT_REFERRAL");
    }

    @Test
    void leavesACompletedSurgeryAloneWhenTheCaseIsClosedLater() {
        SurgeryBooking booking = BookingFixtures.scheduled("apt-1");
        booking.complete("apt-1", LocalDate.parse("2027-01-20"), null, SurgeryOutcome.COMPLETED_AS_PLANNED, AFTER_SURGERY);

        booking.cancel(CancellationReason.OTHER, Initiator.PATHWAY, NOW);

        assertThat(booking.status()).isEqualTo(BookingStatus.COMPLETED);
        assertThat(booking.holdsToRelease()).isEmpty();
    }

    @Test
    void backsOffAfterAFailedStepAndLetsOnlyOnePassTakeAStep() {
        SchedulingProperties policy = Policies.bind(Map.of("passerelle.travel.scheduling.retry-initial", "2s"));
        SurgeryBooking booking = BookingFixtures.holding();

        booking.claimStep(NOW, LEASE);
        assertThatThrownBy(() -> booking.claimStep(NOW.plusSeconds(1), LEASE)).isInstanceOf(StepNotDueException.class);

        booking.stepFailed("HOLD: facility-gateway answered 503", policy, NOW);
        booking.stepFailed("HOLD: facility-gateway answered 503", policy, NOW);

        assertThat(booking.failedAttempts()).isEqualTo(2);
        assertThat(booking.nextActionAt()).contains(NOW.plusSeconds(4));
        assertThat(booking.isDue(NOW.plusSeconds(3))).isFalse();
        assertThat(booking.isDue(NOW.plusSeconds(4))).isTrue();
        assertThat(booking.status()).isEqualTo(BookingStatus.HOLDING);
    }

    @Test
    void forgetsPastFailuresOnceAStepSucceeds() {
        SurgeryBooking booking = BookingFixtures.holding();
        booking.stepFailed("HOLD: facility-gateway unreachable", POLICY, NOW);

        booking.holdPlaced(LYON.optionId(), heldSlot("hold-1", LYON), "apt-1", POLICY, NOW.plusSeconds(3600), NOW.plusSeconds(5));

        assertThat(booking.failedAttempts()).isZero();
        assertThat(booking.lastError()).isEmpty();
    }
}
