package ca.passerelle.dashboard.cases;

import static ca.passerelle.events.EventCatalog.CASE_CLOSED;
import static ca.passerelle.events.EventCatalog.CASE_OPENED;
import static ca.passerelle.events.EventCatalog.CONSENT_CHANGED;
import static ca.passerelle.events.EventCatalog.CONSERVATIVE_CARE_SESSION_RECORDED;
import static ca.passerelle.events.EventCatalog.DOCUMENT_ATTACHED;
import static ca.passerelle.events.EventCatalog.FOLLOW_UP_ALERT_ACKNOWLEDGED;
import static ca.passerelle.events.EventCatalog.FOLLOW_UP_ALERT_RAISED;
import static ca.passerelle.events.EventCatalog.FOLLOW_UP_RECORDED;
import static ca.passerelle.events.EventCatalog.IMAGING_RECORDED;
import static ca.passerelle.events.EventCatalog.RED_FLAG_REPORTED;
import static ca.passerelle.events.EventCatalog.REHAB_COMPLETED;
import static ca.passerelle.events.EventCatalog.REHAB_PHASE_ADVANCED;
import static ca.passerelle.events.EventCatalog.SURGERY_CANCELLED;
import static ca.passerelle.events.EventCatalog.SURGERY_OPTIONS_OFFERED;
import static ca.passerelle.events.EventCatalog.SURGERY_RESCHEDULED;
import static ca.passerelle.events.EventCatalog.SURGERY_SLOT_HELD;
import static ca.passerelle.events.EventCatalog.SYMPTOMS_REPORTED;
import static ca.passerelle.events.EventCatalog.TRAVEL_PLAN_UPDATED;
import static ca.passerelle.events.EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT;
import static ca.passerelle.events.EventCatalog.CONSERVATIVE_CARE_VERIFIED;
import static ca.passerelle.events.EventCatalog.REHAB_PLAN_CREATED;
import static ca.passerelle.events.EventCatalog.SURGERY_COMPLETED;
import static ca.passerelle.events.EventCatalog.SURGERY_NOT_INDICATED;
import static ca.passerelle.events.EventCatalog.SURGERY_RECOMMENDED;
import static ca.passerelle.events.EventCatalog.SURGERY_SCHEDULED;
import static ca.passerelle.events.EventCatalog.URGENT_REFERRAL_REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ca.passerelle.dashboard.CaseEvents;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.EventType;
import ca.passerelle.events.intake.ClosureReason;
import ca.passerelle.events.intake.ConsentChanged;
import ca.passerelle.events.intake.ConsentGrants;
import ca.passerelle.events.intake.ConsentPurpose;
import ca.passerelle.events.intake.CaseClosed;
import ca.passerelle.events.rehab.AlertKind;
import ca.passerelle.events.rehab.AlertSeverity;
import ca.passerelle.events.rehab.FollowUpAlertRaised;
import ca.passerelle.events.rehab.RehabClosure;
import ca.passerelle.events.rehab.RehabCompleted;
import ca.passerelle.events.rehab.RehabPhase;
import ca.passerelle.events.travel.SurgeryOptionsOffered;
import ca.passerelle.events.travel.TravelPlanUpdated;

class CaseSummaryTest {

    private static final Instant T0 = Instant.parse("2026-11-02T14:05:00Z");

    private final CaseEvents events = CaseEvents.forNewCase();
    private final CaseSummary summary = new CaseSummary(events.caseId());

    @Test
    void movesForwardAlongThePathwayEventByEvent() {
        apply(CASE_OPENED, 0);
        assertThat(summary.stage()).isEqualTo(Stage.TRIAGE);
        apply(CONSERVATIVE_CARE_INSUFFICIENT, 1);
        assertThat(summary.stage()).isEqualTo(Stage.CONSERVATIVE_CARE);
        apply(CONSERVATIVE_CARE_VERIFIED, 2);
        assertThat(summary.stage()).isEqualTo(Stage.AWAITING_EVALUATION);
        apply(SURGERY_RECOMMENDED, 3);
        assertThat(summary.stage()).isEqualTo(Stage.SURGERY_SCHEDULING);
        apply(SURGERY_SCHEDULED, 4);
        assertThat(summary.stage()).isEqualTo(Stage.SURGERY_SCHEDULED);
        apply(SURGERY_COMPLETED, 5);
        assertThat(summary.stage()).isEqualTo(Stage.REHABILITATION);
        apply(REHAB_PLAN_CREATED, 6);
        assertThat(summary.stage()).isEqualTo(Stage.REHABILITATION);
        assertThat(summary.status()).isEqualTo("Suivi de réadaptation en cours");
        assertThat(summary.terminal()).isFalse();
        assertThat(summary.timeline()).hasSize(7);
        assertThat(summary.lastEventAt()).isEqualTo(T0.plusSeconds(6 * 3600));
    }

    @Test
    void neverMovesBackWhenAnOlderEventArrivesLate() {
        apply(SURGERY_SCHEDULED, 4);
        apply(CONSERVATIVE_CARE_VERIFIED, 2);
        apply(CONSERVATIVE_CARE_INSUFFICIENT, 1);

        assertThat(summary.stage()).isEqualTo(Stage.SURGERY_SCHEDULED);
        assertThat(summary.status()).startsWith("Chirurgie planifiée le");
        assertThat(summary.lastEventAt()).isEqualTo(T0.plusSeconds(4 * 3600));
    }

    @Test
    void acceptsAnyEventFirstAndFillsInTheOpeningWhenItArrives() {
        apply(SURGERY_RECOMMENDED, 3);
        assertThat(summary.stage()).isEqualTo(Stage.SURGERY_SCHEDULING);
        assertThat(summary.clinicId()).isNull();

        apply(CASE_OPENED, 0);

        assertThat(summary.stage()).isEqualTo(Stage.SURGERY_SCHEDULING);
        assertThat(summary.clinicId()).isEqualTo("clinic-qc-laval-01");
        assertThat(summary.openedAt()).isEqualTo(Instant.parse("2026-11-02T14:05:00Z"));
        assertThat(summary.timeline()).extracting(TimelineEntry::type)
                .containsExactly(CASE_OPENED.name(), SURGERY_RECOMMENDED.name());
    }

    @Test
    void terminalEventClosesTheCaseEvenWhenOlderThanTheCurrentStage() {
        apply(CASE_OPENED, 0);
        apply(SURGERY_SCHEDULED, 4);
        apply(URGENT_REFERRAL_REQUIRED, 1);

        assertThat(summary.stage()).isEqualTo(Stage.CLOSED);
        assertThat(summary.terminal()).isTrue();
        assertThat(summary.terminalReason()).isEqualTo(TerminalReason.URGENT_REFERRAL);
        assertThat(summary.status()).contains("orientation urgente").contains("CAUDA_EQUINA");
    }

    @Test
    void laterEventsNeverReopenAClosedCase() {
        apply(SURGERY_NOT_INDICATED, 3);
        apply(SURGERY_SCHEDULED, 4);
        apply(REHAB_PLAN_CREATED, 6);

        assertThat(summary.stage()).isEqualTo(Stage.CLOSED);
        assertThat(summary.terminalReason()).isEqualTo(TerminalReason.NOT_A_CANDIDATE);
        assertThat(summary.timeline()).hasSize(3);
    }

    @Test
    void theEarliestTerminalEventGivesTheReason() {
        apply(SURGERY_NOT_INDICATED, 3);
        apply(URGENT_REFERRAL_REQUIRED, 1);
        assertThat(summary.terminalReason()).isEqualTo(TerminalReason.URGENT_REFERRAL);

        apply(SURGERY_NOT_INDICATED, 5);
        assertThat(summary.terminalReason()).isEqualTo(TerminalReason.URGENT_REFERRAL);
    }

    @Test
    void keepsTheTimelineInEventTimeOrderWhateverTheArrivalOrder() {
        apply(REHAB_PLAN_CREATED, 6);
        apply(CASE_OPENED, 0);
        apply(SURGERY_COMPLETED, 5);
        apply(CONSERVATIVE_CARE_VERIFIED, 2);

        assertThat(summary.timeline()).extracting(TimelineEntry::type).containsExactly(CASE_OPENED.name(),
                CONSERVATIVE_CARE_VERIFIED.name(), SURGERY_COMPLETED.name(), REHAB_PLAN_CREATED.name());
        assertThat(summary.timeline()).extracting(TimelineEntry::summary).first().asString().startsWith("Dossier ouvert par");
    }

    @Test
    void ignoresTheSameEventTwice() {
        EventEnvelope opened = events.event(CASE_OPENED, T0);
        summary.apply(CaseFacts.of(opened));
        summary.apply(CaseFacts.of(opened));

        assertThat(summary.timeline()).hasSize(1);
    }

    @Test
    void namesTheHospitalOfTheNewestEventThatNamesOne() {
        apply(SURGERY_COMPLETED, 5);
        EventEnvelope olderSchedule = events.event(SURGERY_SCHEDULED, T0.plusSeconds(4 * 3600));
        summary.apply(CaseFacts.of(olderSchedule));

        assertThat(summary.hospitalId()).isEqualTo("fr-lyon-chu-01");
        assertThat(summary.stage()).isEqualTo(Stage.REHABILITATION);
    }

    @Test
    void refusesAFactAboutAnotherCase() {
        CaseFact other = CaseFacts.of(CaseEvents.forNewCase().event(CASE_OPENED, T0));
        assertThatThrownBy(() -> summary.apply(other)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- every event type, any order

    /** A whole pathway touching every non-terminal event type, then the rehabilitation's end. */
    private List<EventEnvelope> wholePathway() {
        List<EventType<?>> pathway = List.of(CASE_OPENED, CONSERVATIVE_CARE_SESSION_RECORDED, IMAGING_RECORDED, SYMPTOMS_REPORTED,
                DOCUMENT_ATTACHED, CONSERVATIVE_CARE_INSUFFICIENT, CONSERVATIVE_CARE_VERIFIED, SURGERY_RECOMMENDED,
                SURGERY_OPTIONS_OFFERED, SURGERY_SLOT_HELD, SURGERY_SCHEDULED, TRAVEL_PLAN_UPDATED, SURGERY_RESCHEDULED,
                SURGERY_COMPLETED, REHAB_PLAN_CREATED, FOLLOW_UP_RECORDED, REHAB_PHASE_ADVANCED, FOLLOW_UP_ALERT_RAISED,
                FOLLOW_UP_ALERT_ACKNOWLEDGED, REHAB_COMPLETED);
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (int i = 0; i < pathway.size(); i++) {
            envelopes.add(events.event(pathway.get(i), T0.plusSeconds(3600L * i)));
        }
        return envelopes;
    }

    @Test
    void followsAWholePathwayThroughEveryStageToRehabilitationCompleted() {
        List<EventEnvelope> pathway = wholePathway();
        List<Stage> stages = new ArrayList<>();
        for (EventEnvelope envelope : pathway) {
            summary.apply(CaseFacts.of(envelope));
            stages.add(summary.stage());
        }

        assertThat(stages).containsSubsequence(Stage.TRIAGE, Stage.CONSERVATIVE_CARE, Stage.AWAITING_EVALUATION,
                Stage.SURGERY_SCHEDULING, Stage.AWAITING_HOSPITAL_CHOICE, Stage.AWAITING_HOSPITAL_CONFIRMATION,
                Stage.SURGERY_SCHEDULED, Stage.REHABILITATION, Stage.CLOSED);
        assertThat(summary.terminalReason()).isEqualTo(TerminalReason.REHAB_COMPLETED);
        assertThat(summary.terminalDetail()).isEqualTo("PLAN_COMPLETED");
        assertThat(summary.rehabPhase()).isEqualTo(RehabPhase.PROGRESSIVE_MOBILISATION);
        assertThat(summary.status()).isEqualTo("Fermé : réadaptation terminée");
        assertThat(summary.surgeryOn()).isEqualTo(LocalDate.parse("2027-01-20"));
        assertThat(summary.surgeryDone()).isTrue();
        assertThat(summary.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.open()).isFalse();
            assertThat(alert.acknowledgedBy()).isEqualTo("coordonnatrice");
            assertThat(alert.severity()).isEqualTo(AlertSeverity.HIGH);
        });
        assertThat(summary.measurements()).extracting(Measurement::kind).containsExactly(Measurement.Kind.OPENING,
                Measurement.Kind.PRE_OP, Measurement.Kind.FOLLOW_UP);
        assertThat(summary.timeline()).hasSize(pathway.size());
        assertThat(summary.blockers()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void anyArrivalOrderGivesTheSameSummary(long seed) {
        List<EventEnvelope> pathway = wholePathway();
        CaseSummary inOrder = new CaseSummary(events.caseId());
        pathway.forEach(envelope -> inOrder.apply(CaseFacts.of(envelope)));
        List<EventEnvelope> shuffled = new ArrayList<>(pathway);
        Collections.shuffle(shuffled, new Random(seed));
        CaseSummary outOfOrder = new CaseSummary(events.caseId());
        shuffled.forEach(envelope -> outOfOrder.apply(CaseFacts.of(envelope)));

        assertThat(snapshot(outOfOrder)).isEqualTo(snapshot(inOrder));
        // and each prefix of the pathway, in any order, agrees with the same prefix in order
        for (int n = 1; n <= pathway.size(); n++) {
            List<EventEnvelope> prefix = new ArrayList<>(pathway.subList(0, n));
            CaseSummary ordered = new CaseSummary(events.caseId());
            prefix.forEach(envelope -> ordered.apply(CaseFacts.of(envelope)));
            Collections.shuffle(prefix, new Random(seed + n));
            CaseSummary mixed = new CaseSummary(events.caseId());
            prefix.forEach(envelope -> mixed.apply(CaseFacts.of(envelope)));
            assertThat(snapshot(mixed)).as("first %d events", n).isEqualTo(snapshot(ordered));
        }
    }

    @Test
    void rehabilitationSaysItsPhaseAndAnOlderPhaseArrivingLateDoesNotWin() {
        apply(REHAB_PLAN_CREATED, 1);
        assertThat(summary.rehabPhase()).isEqualTo(RehabPhase.INITIAL_IMMOBILISATION);
        apply(REHAB_PHASE_ADVANCED, 3);
        apply(REHAB_PLAN_CREATED, 2);

        assertThat(summary.stage()).isEqualTo(Stage.REHABILITATION);
        assertThat(summary.rehabPhase()).isEqualTo(RehabPhase.PROGRESSIVE_MOBILISATION);
        assertThat(summary.status()).isEqualTo("Suivi de réadaptation en cours, phase : mobilisation progressive");
    }

    @Test
    void reofferedOptionsKeepTheTimeTheCaseEnteredTheStage() {
        apply(SURGERY_OPTIONS_OFFERED, 1);
        apply(SURGERY_OPTIONS_OFFERED, 5);

        assertThat(summary.stage()).isEqualTo(Stage.AWAITING_HOSPITAL_CHOICE);
        assertThat(summary.stageSince()).isEqualTo(T0.plusSeconds(3600));
    }

    @Test
    void aTimedOutHoldGoesBackToTheHospitalChoice() {
        apply(SURGERY_OPTIONS_OFFERED, 1);
        apply(SURGERY_SLOT_HELD, 2);
        assertThat(summary.stage()).isEqualTo(Stage.AWAITING_HOSPITAL_CONFIRMATION);
        assertThat(summary.hospitalId()).isEqualTo("fr-lyon-chu-01");

        applyPayload(new SurgeryOptionsOffered(events.caseId(), List.of(), T0.plusSeconds(3 * 3600)), 3);

        assertThat(summary.stage()).isEqualTo(Stage.AWAITING_HOSPITAL_CHOICE);
        assertThat(summary.blockers()).extracting(Blocker::kind).containsExactly(Blocker.Kind.NO_HOSPITAL_AVAILABLE);
    }

    @Test
    void aRescheduleMovesTheDateAndACancellationSendsTheCaseBackToScheduling() {
        apply(SURGERY_SCHEDULED, 1);
        apply(SURGERY_RESCHEDULED, 2);
        assertThat(summary.surgeryOn()).isEqualTo(LocalDate.parse("2027-01-26"));
        assertThat(summary.status()).isEqualTo("Chirurgie reportée au 2027-01-26");

        apply(SURGERY_CANCELLED, 3);

        assertThat(summary.stage()).isEqualTo(Stage.SURGERY_SCHEDULING);
        assertThat(summary.surgeryOn()).isNull();
        assertThat(summary.status()).contains("annulée", "décision de la coordination");
    }

    @Test
    void travelToFinaliseUntilThePlanIsReady() {
        apply(SURGERY_SCHEDULED, 1);
        apply(TRAVEL_PLAN_UPDATED, 2);
        assertThat(summary.travelToFinalise()).isTrue();
        assertThat(summary.blockers()).extracting(Blocker::kind).containsExactly(Blocker.Kind.TRAVEL_DOCUMENTS_MISSING);

        applyPayload(new TravelPlanUpdated(events.caseId(), "fr-lyon-chu-01", null, LocalDate.parse("2027-01-20"), null,
                LocalDate.parse("2027-01-15"), LocalDate.parse("2027-02-10"), true, false, 0, "READY", T0.plusSeconds(3 * 3600)), 3);

        assertThat(summary.travelToFinalise()).isFalse();
        assertThat(summary.travelStatus()).isEqualTo("READY");
        assertThat(summary.blockers()).isEmpty();
    }

    @Test
    void alertsMergeWhicheverOfRaisingAndAcknowledgementComesFirst() {
        apply(FOLLOW_UP_ALERT_ACKNOWLEDGED, 2);
        assertThat(summary.alerts()).singleElement().satisfies(alert -> assertThat(alert.open()).isFalse());

        apply(FOLLOW_UP_ALERT_RAISED, 1);

        assertThat(summary.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.open()).isFalse();
            assertThat(alert.kind()).isEqualTo(AlertKind.NO_MEANINGFUL_IMPROVEMENT);
            assertThat(alert.acknowledgedBy()).isEqualTo("coordonnatrice");
        });
        assertThat(summary.hasOpenAlert()).isFalse();
    }

    @Test
    void anOpenUrgentAlertIsABlockerAndCountsBySeverity() {
        apply(REHAB_PLAN_CREATED, 0);
        applyPayload(new FollowUpAlertRaised(events.caseId(), "al-1", AlertKind.RED_FLAG_AFTER_SURGERY, AlertSeverity.URGENT,
                "Red flag CAUDA_EQUINA reported on 2027-02-16", T0.plusSeconds(3600)), 1);
        apply(FOLLOW_UP_ALERT_RAISED, 2);

        assertThat(summary.openAlertCount()).isEqualTo(2);
        assertThat(summary.hasOpenAlert()).isTrue();
        assertThat(summary.blockers()).singleElement().satisfies(blocker -> {
            assertThat(blocker.kind()).isEqualTo(Blocker.Kind.URGENT_ALERT_OPEN);
            assertThat(blocker.details()).containsExactly("Red flag CAUDA_EQUINA reported on 2027-02-16");
        });
    }

    @Test
    void withdrawingCrossBorderConsentBlocksAndWithdrawingCareCoordinationCloses() {
        apply(CASE_OPENED, 0);
        apply(CONSENT_CHANGED, 1);
        assertThat(summary.stage()).isEqualTo(Stage.TRIAGE);
        assertThat(summary.blockers()).extracting(Blocker::kind).containsExactly(Blocker.Kind.CROSS_BORDER_CONSENT_MISSING);

        applyPayload(new ConsentChanged(events.caseId(), ConsentPurpose.CARE_COORDINATION, false,
                new ConsentGrants(false, false, false), T0.plusSeconds(2 * 3600)), 2);

        assertThat(summary.stage()).isEqualTo(Stage.CLOSED);
        assertThat(summary.terminalReason()).isEqualTo(TerminalReason.CONSENT_WITHDRAWN);
        assertThat(summary.blockers()).isEmpty();
    }

    @Test
    void anOpenedCaseIsInTriageUntilAssessmentsFirstVerdict() {
        apply(DOCUMENT_ATTACHED, 0);
        assertThat(summary.stage()).isEqualTo(Stage.INTAKE);

        apply(CASE_OPENED, 1);
        assertThat(summary.stage()).isEqualTo(Stage.TRIAGE);
        assertThat(summary.stageSince()).isEqualTo(T0.plusSeconds(3600));
        assertThat(summary.status()).isEqualTo("Dossier ouvert, triage en cours");

        // what the clinic adds meanwhile leaves the case in triage, since it entered it
        apply(CONSERVATIVE_CARE_SESSION_RECORDED, 2);
        apply(SYMPTOMS_REPORTED, 3);
        apply(RED_FLAG_REPORTED, 4);
        assertThat(summary.stage()).isEqualTo(Stage.TRIAGE);
        assertThat(summary.stageSince()).isEqualTo(T0.plusSeconds(3600));

        apply(CONSERVATIVE_CARE_VERIFIED, 5);
        assertThat(summary.stage()).isEqualTo(Stage.AWAITING_EVALUATION);
    }

    @Test
    void triageEndsWithAnUrgentReferralOrInsufficientCare() {
        CaseSummary urgent = new CaseSummary(events.caseId());
        urgent.apply(CaseFacts.of(events.event(CASE_OPENED, T0)));
        urgent.apply(CaseFacts.of(events.event(URGENT_REFERRAL_REQUIRED, T0.plusSeconds(60))));
        assertThat(urgent.stage()).isEqualTo(Stage.CLOSED);

        apply(CONSERVATIVE_CARE_INSUFFICIENT, 1);
        apply(CASE_OPENED, 0);
        assertThat(summary.stage()).as("a late opening does not move the case back to triage").isEqualTo(Stage.CONSERVATIVE_CARE);
    }

    @Test
    void aReportedRedFlagIsABlockerUntilTheCaseCloses() {
        apply(CASE_OPENED, 0);
        apply(RED_FLAG_REPORTED, 1);
        assertThat(summary.blockers()).extracting(Blocker::kind).containsExactly(Blocker.Kind.RED_FLAG_REPORTED);

        apply(URGENT_REFERRAL_REQUIRED, 2);

        assertThat(summary.terminalReason()).isEqualTo(TerminalReason.URGENT_REFERRAL);
        assertThat(summary.blockers()).as("closed: only the urgent referral a coordinator must acknowledge")
                .extracting(Blocker::kind).containsExactly(Blocker.Kind.URGENT_REFERRAL_TO_ACKNOWLEDGE);
    }

    @Test
    void conservativeCareInsufficientIsABlockerListingWhatIsMissing() {
        apply(CONSERVATIVE_CARE_INSUFFICIENT, 1);

        assertThat(summary.blockers()).singleElement().satisfies(blocker -> {
            assertThat(blocker.kind()).isEqualTo(Blocker.Kind.CONSERVATIVE_CARE_INSUFFICIENT);
            assertThat(blocker.details()).containsExactly(
                    "supervised conservative care lasted 45 days; the policy asks for at least 90 days",
                    "admissible au plus tôt le 2026-12-17");
        });
    }

    @Test
    void closuresGiveTheirTerminalReasons() {
        assertThat(closedBy(new CaseClosed("x", ClosureReason.PATIENT_DECLINED, T0))).containsExactly(TerminalReason.CASE_CLOSED, "PATIENT_DECLINED");
        assertThat(closedBy(new CaseClosed("x", ClosureReason.CONSENT_WITHDRAWN, T0))).containsExactly(TerminalReason.CONSENT_WITHDRAWN, "CONSENT_WITHDRAWN");
        assertThat(closedBy(new RehabCompleted("x", RehabClosure.LOST_TO_FOLLOW_UP, null, T0)))
                .containsExactly(TerminalReason.REHAB_CLOSED_EARLY, "LOST_TO_FOLLOW_UP");
        assertThat(closedBy(new RehabCompleted("x", RehabClosure.PLAN_COMPLETED, null, T0)))
                .containsExactly(TerminalReason.REHAB_COMPLETED, "PLAN_COMPLETED");
    }

    @Test
    void eventsThatDoNotMoveTheCaseLeaveANewCaseAtIntakeUntilItsOpeningArrives() {
        apply(DOCUMENT_ATTACHED, 3);
        assertThat(summary.stage()).isEqualTo(Stage.INTAKE);
        assertThat(summary.stageSince()).isEqualTo(T0.plusSeconds(3 * 3600));

        apply(CASE_OPENED, 0);
        apply(CASE_CLOSED, 4);

        assertThat(summary.stage()).isEqualTo(Stage.CLOSED);
        assertThat(summary.terminalReason()).isEqualTo(TerminalReason.CASE_CLOSED);
        assertThat(summary.timeline()).extracting(TimelineEntry::type)
                .containsExactly(CASE_OPENED.name(), DOCUMENT_ATTACHED.name(), CASE_CLOSED.name());
    }

    private Object[] closedBy(Object payload) {
        CaseSummary closed = new CaseSummary("x");
        closed.apply(CaseFacts.of(EventCodec.envelope("e-" + payload.hashCode(), "/passerelle/test", T0, 1, payload), payload));
        return new Object[] {closed.terminalReason(), closed.terminalDetail()};
    }

    /** Everything a coordinator sees of a summary. */
    static List<Object> snapshot(CaseSummary s) {
        return List.of(String.valueOf(s.stage()), String.valueOf(s.status()), String.valueOf(s.stageSince()), s.terminal(),
                String.valueOf(s.terminalReason()), String.valueOf(s.terminalDetail()), String.valueOf(s.clinicId()),
                String.valueOf(s.hospitalId()), String.valueOf(s.openedAt()), String.valueOf(s.lastEventAt()),
                String.valueOf(s.surgeryOn()), s.surgeryDone(), String.valueOf(s.rehabPhase()), String.valueOf(s.travelStatus()),
                String.valueOf(s.crossBorderConsent()), s.alerts(), s.openAlertCount(), s.blockers(), s.timeline(), s.measurements());
    }

    private void apply(EventType<?> type, int hoursAfterStart) {
        summary.apply(CaseFacts.of(events.event(type, T0.plusSeconds(hoursAfterStart * 3600L))));
    }

    private void applyPayload(Object payload, int hoursAfterStart) {
        EventEnvelope envelope = EventCodec.envelope("e-" + hoursAfterStart + "-" + payload.hashCode(), "/passerelle/test",
                T0.plusSeconds(hoursAfterStart * 3600L), hoursAfterStart + 1, payload);
        summary.apply(CaseFacts.of(envelope));
    }
}
