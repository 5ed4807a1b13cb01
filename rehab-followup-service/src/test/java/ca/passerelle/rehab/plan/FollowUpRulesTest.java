package ca.passerelle.rehab.plan;

import static ca.passerelle.rehab.plan.OdiScoreTest.sections;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.events.rehab.Adherence;
import ca.passerelle.events.rehab.AlertKind;
import ca.passerelle.events.rehab.AlertSeverity;
import ca.passerelle.events.rehab.FollowUpAlertAcknowledged;
import ca.passerelle.events.rehab.FollowUpAlertRaised;
import ca.passerelle.events.rehab.FollowUpRecorded;
import ca.passerelle.events.rehab.Progress;
import ca.passerelle.events.rehab.RehabClosure;
import ca.passerelle.events.rehab.RehabCompleted;
import ca.passerelle.events.rehab.RehabPhase;
import ca.passerelle.events.rehab.RehabPhaseAdvanced;
import ca.passerelle.events.travel.SurgeryCompleted;
import ca.passerelle.platform.messaging.OutboxEntry;
import ca.passerelle.rehab.plan.RehabClinicDirectory.RehabClinic;

/**
 * The follow-up rules on the plan itself, with the golden case: surgery 2027-01-20 (SIMPLE_DECOMPRESSION), pre-operative
 * NRS 7 and ODI 48 %, checkpoints 2027-02-03, 03-03, 04-20, 07-20 and 2028-01-20.
 */
class FollowUpRulesTest {

    private static final Instant PLANNED_AT = Instant.parse("2027-01-22T16:45:03Z");
    private static final String ODI_46 = "3,3,2,3,2,3,2,2,2,1";
    private static final String ODI_30 = "2,2,1,2,1,2,1,2,1,1";
    private static final String ODI_60 = "3,3,3,3,3,3,3,3,3,3";
    private static final String ODI_20 = "2,2,2,2,2,0,0,0,0,0";
    private static final String REHAB_CLINIC = "rehab-qc-laval-01";

    private final RehabPlanPolicy policy = PlanSettings.policy();
    private final FollowUpProperties rules = FollowUpProperties.defaults();
    private final CompletedSurgery surgery = surgery();

    @Test
    void recordsTheGoldenFollowUpRecordedWithoutTheNotes() {
        FollowUpRecorded golden = GoldenSamples.payload(EventCatalog.FOLLOW_UP_RECORDED);
        RehabSchedule schedule = policy.scheduleFor(surgery.category(), surgery.performedOn());
        RehabPlan plan = opened();
        plan.plan(surgery, new RehabSchedule(schedule.phases(), List.of(new Checkpoint(golden.checkpointDueOn(), "Bilan"))), PLANNED_AT);

        FollowUpReport report = plan.record(new FollowUpDraft(golden.assessedOn(), 4, sections(ODI_30), false, List.of(), Adherence.GOOD,
                "Patiente très motivée"), golden.reportId(), "sealed", rules, golden.recordedAt());

        OutboxEntry entry = entries(plan, EventCatalog.FOLLOW_UP_RECORDED.name()).get(0);
        assertThat(EventCodec.mapper().readTree(entry.data())).isEqualTo(GoldenSamples.envelope(EventCatalog.FOLLOW_UP_RECORDED).data());
        assertThat(entry.data()).doesNotContain("motivée");
        assertThat(report.odiPercent()).isEqualTo(30.0);
        assertThat(report.sealedNotes()).isEqualTo("sealed");
    }

    @Test
    void raisesTheGoldenAlertWhenThreeMonthsBringNoClinicallyMeaningfulImprovement() {
        FollowUpAlertRaised golden = GoldenSamples.payload(EventCatalog.FOLLOW_UP_ALERT_RAISED);
        RehabPlan plan = planned();

        FollowUpReport report = report(plan, "2027-04-20", 7, ODI_46, golden.raisedAt());

        assertThat(report.progress()).isEqualTo(Progress.PLATEAU);
        assertThat(report.checkpointDueOn()).isEqualTo(LocalDate.parse("2027-04-20"));
        FollowUpAlertRaised raised = Raised.of(plan, EventCatalog.FOLLOW_UP_ALERT_RAISED).get(0);
        assertThat(raised).usingRecursiveComparison().ignoringFields("alertId").isEqualTo(golden);
        assertThat(raised.alertId()).isEqualTo(FollowUpAlert.idFor(golden.caseId(), "2027-04-20", AlertKind.NO_MEANINGFUL_IMPROVEMENT));
    }

    @ParameterizedTest(name = "{0}: NRS {1}, ODI sections {2} → {3}, alert {4}")
    @CsvSource(nullValues = "none", value = {
            "2027-02-03, 7, '3,3,2,3,2,3,2,2,2,1', PLATEAU,   none",
            "2027-03-03, 6, '3,3,2,3,2,3,2,2,2,1', PLATEAU,   none",
            "2027-04-20, 4, '2,2,1,2,1,2,1,2,1,1', IMPROVING, none",
            "2027-04-20, 7, '3,3,2,3,2,3,2,2,2,1', PLATEAU,   NO_MEANINGFUL_IMPROVEMENT",
            "2027-04-24, 6, '3,3,2,3,2,3,2,2,2,1', PLATEAU,   NO_MEANINGFUL_IMPROVEMENT",
            "2027-04-20, 9, '3,3,2,3,2,3,2,2,2,1', WORSENING, WORSENING",
            "2027-02-03, 7, '3,3,3,3,3,3,3,3,3,3', WORSENING, WORSENING",
            "2027-07-20, 7, '3,3,2,3,2,3,2,2,2,1', PLATEAU,   none",
            "2027-05-30, 9, '3,3,3,3,3,3,3,3,3,3', WORSENING, WORSENING"})
    void alertsOnWorseningAnywhereAndOnAPlateauAtThreeMonths(LocalDate assessedOn, int nrs, String odi, Progress progress,
            AlertKind alert) {
        RehabPlan plan = planned();

        FollowUpReport report = report(plan, assessedOn.toString(), nrs, odi, assessedOn.atTime(15, 0).toInstant(ZoneOffset.UTC));

        assertThat(report.progress()).isEqualTo(progress);
        List<FollowUpAlertRaised> alerts = Raised.of(plan, EventCatalog.FOLLOW_UP_ALERT_RAISED);
        if (alert == null) {
            assertThat(alerts).isEmpty();
        } else {
            assertThat(alerts).singleElement().satisfies(raised -> {
                assertThat(raised.kind()).isEqualTo(alert);
                assertThat(raised.severity()).isEqualTo(AlertSeverity.HIGH);
            });
        }
    }

    @Test
    void givesTheFiguresOfAWorseningInItsReasonAndNothingElse() {
        RehabPlan plan = planned();

        plan.record(new FollowUpDraft(LocalDate.parse("2027-02-03"), 9, sections(ODI_60), true, List.of(), Adherence.POOR,
                "Douleur intense, patiente découragée"), "r-1", "sealed", rules, Instant.parse("2027-02-03T15:00:00Z"));

        FollowUpAlertRaised raised = Raised.of(plan, EventCatalog.FOLLOW_UP_ALERT_RAISED).get(0);
        assertThat(raised.reason()).isEqualTo("On 2027-02-03 NRS 9 (baseline 7) and ODI 60 % (baseline 48 %): clinically meaningful worsening");
        assertThat(plan.pendingEvents()).allSatisfy(entry -> assertThat(entry.data()).doesNotContain("découragée"));
    }

    @Test
    void raisesAnUrgentAlertForARedFlagAfterSurgery() {
        RehabPlan plan = planned();

        plan.record(new FollowUpDraft(LocalDate.parse("2027-02-03"), 5, sections(ODI_30), true,
                List.of(RedFlag.SUSPECTED_INFECTION, RedFlag.CAUDA_EQUINA), Adherence.GOOD, null), "r-1", null, rules,
                Instant.parse("2027-02-03T15:00:00Z"));

        assertThat(Raised.of(plan, EventCatalog.FOLLOW_UP_ALERT_RAISED)).singleElement().satisfies(raised -> {
            assertThat(raised.kind()).isEqualTo(AlertKind.RED_FLAG_AFTER_SURGERY);
            assertThat(raised.severity()).isEqualTo(AlertSeverity.URGENT);
            assertThat(raised.reason()).isEqualTo("Red flag(s) CAUDA_EQUINA, SUSPECTED_INFECTION reported on 2027-02-03, 14 days after surgery");
        });
        assertThat(Raised.of(plan, EventCatalog.FOLLOW_UP_RECORDED).get(0).redFlags())
                .containsExactly(RedFlag.SUSPECTED_INFECTION, RedFlag.CAUDA_EQUINA);
    }

    @Test
    void raisesAnUrgentAlertOnceForARedFlagReportedToIntakeAfterSurgeryButNotBefore() {
        RehabPlan plan = planned();
        Instant now = Instant.parse("2027-02-10T10:00:00Z");

        boolean before = plan.redFlagsReported(List.of(RedFlag.SUSPECTED_FRACTURE), "e-0", Instant.parse("2027-01-19T10:00:00Z"), now);
        boolean after = plan.redFlagsReported(List.of(RedFlag.SUSPECTED_FRACTURE), "e-1", Instant.parse("2027-02-10T09:00:00Z"), now);
        boolean again = plan.redFlagsReported(List.of(RedFlag.SUSPECTED_FRACTURE), "e-1", Instant.parse("2027-02-10T09:00:00Z"), now);

        assertThat(before).isFalse();
        assertThat(after).isTrue();
        assertThat(again).isFalse();
        assertThat(Raised.of(plan, EventCatalog.FOLLOW_UP_ALERT_RAISED)).singleElement()
                .satisfies(raised -> assertThat(raised.reason()).isEqualTo("Red flag(s) SUSPECTED_FRACTURE reported to intake 21 days after surgery"));
    }

    @ParameterizedTest(name = "on {0}: {1} missed-checkpoint alert(s)")
    @CsvSource({
            "2027-02-03, 0",
            "2027-02-10, 0",  // 2 weeks + 7 days of grace: not yet
            "2027-02-11, 1",
            "2027-03-10, 1",
            "2027-03-11, 2",
            "2027-05-01, 3",
            "2028-02-01, 5"})
    void findsMissedCheckpointsOnceTheGracePeriodHasPassed(LocalDate today, int missed) {
        RehabPlan plan = planned();

        plan.sweep(today, today.atStartOfDay(ZoneOffset.UTC).toInstant(), rules);
        plan.sweep(today, today.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60), rules);

        List<FollowUpAlertRaised> alerts = Raised.of(plan, EventCatalog.FOLLOW_UP_ALERT_RAISED);
        assertThat(alerts).hasSize(missed).allSatisfy(raised -> {
            assertThat(raised.kind()).isEqualTo(AlertKind.MISSED_CHECKPOINT);
            assertThat(raised.severity()).isEqualTo(AlertSeverity.MEDIUM);
        });
        assertThat(plan.needsSweep(today, rules)).isFalse();
    }

    @Test
    void movesTheClockForwardAndAlertsEachMissedCheckpointOnlyOnceWithADeterministicId() {
        RehabPlan plan = planned();
        report(plan, "2027-02-03", 5, ODI_30, Instant.parse("2027-02-03T15:00:00Z"));

        for (LocalDate today = LocalDate.parse("2027-02-01"); today.isBefore(LocalDate.parse("2027-05-10")); today = today.plusDays(1)) {
            plan.sweep(today, today.atStartOfDay(ZoneOffset.UTC).toInstant(), rules);
        }

        assertThat(Raised.of(plan, EventCatalog.FOLLOW_UP_ALERT_RAISED))
                .extracting(FollowUpAlertRaised::alertId, FollowUpAlertRaised::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(FollowUpAlert.idFor(surgery.caseId().value(), "2027-03-03", AlertKind.MISSED_CHECKPOINT),
                                "Checkpoint due 2027-03-03 not reported 8 days later (grace 7 days)"),
                        org.assertj.core.groups.Tuple.tuple(FollowUpAlert.idFor(surgery.caseId().value(), "2027-04-20", AlertKind.MISSED_CHECKPOINT),
                                "Checkpoint due 2027-04-20 not reported 8 days later (grace 7 days)"));
        assertThat(FollowUpAlert.idFor("c-1", "2027-03-03", AlertKind.MISSED_CHECKPOINT))
                .isEqualTo(FollowUpAlert.idFor("c-1", "2027-03-03", AlertKind.MISSED_CHECKPOINT))
                .isNotEqualTo(FollowUpAlert.idFor("c-2", "2027-03-03", AlertKind.MISSED_CHECKPOINT))
                .isNotEqualTo(FollowUpAlert.idFor("c-1", "2027-03-03", AlertKind.WORSENING));
    }

    @Test
    void honoursAConfiguredGracePeriod() {
        RehabPlan plan = planned();
        FollowUpProperties lenient = new FollowUpProperties(java.time.Period.ofDays(21), rules.reportWindow(), rules.improvementCheckpoint(),
                rules.sweepInterval(), rules.sweepLockAtMostFor(), rules.sweepLockAtLeastFor());

        plan.sweep(LocalDate.parse("2027-02-24"), Instant.parse("2027-02-24T06:00:00Z"), lenient);
        assertThat(Raised.of(plan, EventCatalog.FOLLOW_UP_ALERT_RAISED)).isEmpty();
        plan.sweep(LocalDate.parse("2027-02-25"), Instant.parse("2027-02-25T06:00:00Z"), lenient);
        assertThat(Raised.of(plan, EventCatalog.FOLLOW_UP_ALERT_RAISED)).hasSize(1);
    }

    @Test
    void advancesToThePhaseTodayFallsInAsTheGoldenSampleSays() {
        RehabPlan plan = planned();
        RehabPhaseAdvanced golden = GoldenSamples.payload(EventCatalog.REHAB_PHASE_ADVANCED);

        plan.sweep(LocalDate.ofInstant(golden.advancedAt(), ZoneOffset.UTC), golden.advancedAt(), rules);

        assertThat(Raised.of(plan, EventCatalog.REHAB_PHASE_ADVANCED)).containsExactly(golden);
        assertThat(plan.currentPhase()).isEqualTo(RehabPhase.PROGRESSIVE_MOBILISATION);
    }

    @Test
    void skipsToTheCurrentPhaseAfterALongPauseAndStaysInTheLastOne() {
        RehabPlan plan = planned();

        plan.sweep(LocalDate.parse("2027-06-01"), Instant.parse("2027-06-01T06:00:00Z"), rules);
        plan.sweep(LocalDate.parse("2028-06-01"), Instant.parse("2028-06-01T06:00:00Z"), rules);

        assertThat(Raised.of(plan, EventCatalog.REHAB_PHASE_ADVANCED)).singleElement().satisfies(advanced -> {
            assertThat(advanced.from()).isEqualTo(RehabPhase.INITIAL_IMMOBILISATION);
            assertThat(advanced.to()).isEqualTo(RehabPhase.WELLBEING_MAINTENANCE);
        });
    }

    @Test
    void holdsThePhaseWhileAnUrgentAlertAwaitsACoordinatorThenAdvances() {
        RehabPlan plan = planned();
        plan.record(new FollowUpDraft(LocalDate.parse("2027-02-01"), 5, sections(ODI_30), true, List.of(RedFlag.SUSPECTED_INFECTION),
                Adherence.GOOD, null), "r-1", null, rules, Instant.parse("2027-02-01T15:00:00Z"));
        String alertId = Raised.of(plan, EventCatalog.FOLLOW_UP_ALERT_RAISED).get(0).alertId();

        plan.sweep(LocalDate.parse("2027-02-05"), Instant.parse("2027-02-05T06:00:00Z"), rules);
        assertThat(plan.currentPhase()).isEqualTo(RehabPhase.INITIAL_IMMOBILISATION);
        assertThat(plan.needsSweep(LocalDate.parse("2027-02-05"), rules)).isFalse();

        plan.acknowledge(alertId, "coordonnatrice", Instant.parse("2027-02-05T09:00:00Z"));
        plan.sweep(LocalDate.parse("2027-02-05"), Instant.parse("2027-02-05T10:00:00Z"), rules);
        assertThat(plan.currentPhase()).isEqualTo(RehabPhase.PROGRESSIVE_MOBILISATION);
    }

    @Test
    void holdsThePhaseWhileAWorseningAwaitsACoordinatorThenAdvances() {
        RehabPlan plan = planned();
        report(plan, "2027-02-03", 9, ODI_60, Instant.parse("2027-02-03T15:00:00Z"));
        FollowUpAlertRaised worsening = Raised.of(plan, EventCatalog.FOLLOW_UP_ALERT_RAISED).get(0);
        assertThat(worsening.kind()).isEqualTo(AlertKind.WORSENING);

        // 2027-02-05: time says progressive mobilisation (immobilisation ended 2027-02-03); progress says wait.
        assertThat(plan.holdsPhase()).isTrue();
        assertThat(plan.needsSweep(LocalDate.parse("2027-02-05"), rules)).isFalse();
        assertThat(plan.sweep(LocalDate.parse("2027-02-05"), Instant.parse("2027-02-05T06:00:00Z"), rules)).isFalse();
        assertThat(plan.currentPhase()).isEqualTo(RehabPhase.INITIAL_IMMOBILISATION);
        assertThat(Raised.of(plan, EventCatalog.REHAB_PHASE_ADVANCED)).isEmpty();

        plan.acknowledge(worsening.alertId(), "coordonnatrice", Instant.parse("2027-02-05T09:00:00Z"));
        assertThat(plan.holdsPhase()).isFalse();
        plan.sweep(LocalDate.parse("2027-02-05"), Instant.parse("2027-02-05T10:00:00Z"), rules);

        assertThat(plan.currentPhase()).isEqualTo(RehabPhase.PROGRESSIVE_MOBILISATION);
        assertThat(Raised.of(plan, EventCatalog.REHAB_PHASE_ADVANCED)).singleElement()
                .isEqualTo(new RehabPhaseAdvanced(surgery.caseId().value(), RehabPhase.INITIAL_IMMOBILISATION,
                        RehabPhase.PROGRESSIVE_MOBILISATION, Instant.parse("2027-02-05T10:00:00Z")));
    }

    @Test
    void advancesWithTimeDespiteAPlateauOrAMissedCheckpoint() {
        RehabPlan plan = planned();
        // 2027-03-03 (6 weeks) answered with a plateau; the 2-week checkpoint was never reported (MISSED_CHECKPOINT, open).
        report(plan, "2027-03-03", 7, ODI_46, Instant.parse("2027-03-03T15:00:00Z"));

        plan.sweep(LocalDate.parse("2027-03-20"), Instant.parse("2027-03-20T06:00:00Z"), rules);

        assertThat(plan.alerts()).extracting(FollowUpAlert::kind).containsExactly(AlertKind.MISSED_CHECKPOINT);
        assertThat(plan.holdsPhase()).isFalse();
        assertThat(plan.currentPhase()).isEqualTo(RehabPhase.MUSCLE_STRENGTHENING);
    }

    @Test
    void acknowledgesAnAlertOnceWithTheCoordinatorsSubject() {
        FollowUpAlertAcknowledged golden = GoldenSamples.payload(EventCatalog.FOLLOW_UP_ALERT_ACKNOWLEDGED);
        RehabPlan plan = planned();
        report(plan, "2027-04-20", 7, ODI_46, Instant.parse("2027-04-28T06:00:00Z"));
        String alertId = plan.alerts().get(0).alertId();

        boolean first = plan.acknowledge(alertId, golden.acknowledgedBy(), golden.acknowledgedAt());
        boolean second = plan.acknowledge(alertId, "quelqu-un-d-autre", golden.acknowledgedAt().plusSeconds(60));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(Raised.of(plan, EventCatalog.FOLLOW_UP_ALERT_ACKNOWLEDGED)).singleElement()
                .usingRecursiveComparison().isEqualTo(new FollowUpAlertAcknowledged(golden.caseId(), alertId, golden.acknowledgedBy(),
                        golden.acknowledgedAt()));
        assertThat(plan.alert(alertId).orElseThrow().isOpen()).isFalse();
        assertThatThrownBy(() -> plan.acknowledge("al-unknown", "coordonnatrice", golden.acknowledgedAt()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void completesWithTheGoldenRehabCompletedWhenTheLastCheckpointIsReported() {
        RehabCompleted golden = GoldenSamples.payload(EventCatalog.REHAB_COMPLETED);
        RehabPlan plan = planned();

        report(plan, "2027-07-20", 4, ODI_30, Instant.parse("2027-07-20T15:00:00Z"));
        assertThat(plan.status()).isEqualTo(FollowUpStatus.ACTIVE);
        report(plan, "2028-01-30", 3, ODI_20, golden.completedAt());

        assertThat(Raised.of(plan, EventCatalog.REHAB_COMPLETED)).containsExactly(golden);
        assertThat(plan.status()).isEqualTo(FollowUpStatus.COMPLETED);
        assertThat(plan.sweep(LocalDate.parse("2028-03-01"), Instant.parse("2028-03-01T06:00:00Z"), rules)).as("no alerts once over").isFalse();
        assertThatThrownBy(() -> report(plan, "2028-02-01", 3, ODI_20, Instant.parse("2028-02-01T10:00:00Z")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closesEarlyWithTheCoordinatorsReasonButNeverAsCompleted() {
        RehabPlan plan = planned();
        report(plan, "2027-02-03", 5, ODI_30, Instant.parse("2027-02-03T15:00:00Z"));

        assertThatThrownBy(() -> plan.closeEarly(RehabClosure.PLAN_COMPLETED, Instant.parse("2027-03-01T10:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
        plan.closeEarly(RehabClosure.LOST_TO_FOLLOW_UP, Instant.parse("2027-03-01T10:00:00Z"));

        assertThat(Raised.of(plan, EventCatalog.REHAB_COMPLETED)).containsExactly(
                new RehabCompleted(surgery.caseId().value(), RehabClosure.LOST_TO_FOLLOW_UP, Progress.IMPROVING, Instant.parse("2027-03-01T10:00:00Z")));
        assertThat(Raised.of(plan, EventCatalog.REHAB_COMPLETED).get(0).earlyClosure()).isTrue();
    }

    @Test
    void stopsTheFollowUpWhenConsentIsWithdrawnAndRaisesNothingMore() {
        RehabPlan plan = planned();

        boolean stopped = plan.stop(RehabClosure.CONSENT_WITHDRAWN, Instant.parse("2027-02-20T10:00:00Z"));
        boolean again = plan.stop(RehabClosure.OTHER, Instant.parse("2027-02-21T10:00:00Z"));

        assertThat(stopped).isTrue();
        assertThat(again).isFalse();
        assertThat(Raised.of(plan, EventCatalog.REHAB_COMPLETED)).singleElement().satisfies(completed -> {
            assertThat(completed.closure()).isEqualTo(RehabClosure.CONSENT_WITHDRAWN);
            assertThat(completed.lastProgress()).isNull();
        });
        assertThat(plan.sweep(LocalDate.parse("2027-12-01"), Instant.parse("2027-12-01T06:00:00Z"), rules)).isFalse();
        assertThat(plan.redFlagsReported(List.of(RedFlag.CAUDA_EQUINA), "e-9", Instant.parse("2027-03-01T10:00:00Z"),
                Instant.parse("2027-03-01T10:00:00Z"))).isFalse();
        assertThat(Raised.of(plan, EventCatalog.FOLLOW_UP_ALERT_RAISED)).isEmpty();
    }

    @Test
    void neverPlansACaseStoppedBeforeItsSurgery() {
        RehabPlan plan = opened();

        plan.stop(RehabClosure.PATIENT_DECLINED, Instant.parse("2027-01-10T10:00:00Z"));
        boolean planned = plan.plan(surgery, policy.scheduleFor(surgery.category(), surgery.performedOn()), PLANNED_AT);

        assertThat(planned).isFalse();
        assertThat(plan.status()).isEqualTo(FollowUpStatus.STOPPED);
        assertThat(plan.pendingEvents()).isEmpty();
    }

    @Test
    void assignsARehabClinicOfTheRegionSpeakingThePatientsLanguageFirst() {
        RehabPlan plan = RehabPlan.forCase(surgery.caseId());
        plan.opened("clinic-qc-laval-01", "QC-13", "fr", new Baseline(7, 48.0));

        boolean assigned = plan.assignRehabClinic(List.of(new RehabClinic("rehab-qc-laval-00", "QC-13", List.of("en")),
                new RehabClinic("rehab-qc-laval-02", "QC-13", List.of("fr", "en")),
                new RehabClinic("rehab-qc-laval-01", "QC-13", List.of("fr"))));
        boolean reassigned = plan.assignRehabClinic(List.of(new RehabClinic("rehab-qc-laval-00", "QC-13", List.of("fr"))));
        plan.plan(surgery, policy.scheduleFor(surgery.category(), surgery.performedOn()), PLANNED_AT);

        assertThat(assigned).isTrue();
        assertThat(reassigned).isFalse();
        assertThat(plan.rehabClinicId()).isEqualTo("rehab-qc-laval-01");
        assertThat(Raised.of(plan, EventCatalog.REHAB_PLAN_CREATED).get(0).rehabClinicId()).isEqualTo("rehab-qc-laval-01");
    }

    @Test
    void fallsBackOnTheReferringClinicWhenTheDirectoryHasNoRehabClinicInTheRegion() {
        RehabPlan referred = RehabPlan.forCase(surgery.caseId());
        referred.opened("clinic-qc-laval-01", "QC-13", "fr", new Baseline(7, 48.0));
        RehabPlan unknownClinic = RehabPlan.forCase(surgery.caseId());

        assertThat(referred.assignRehabClinic(List.of())).isTrue();
        assertThat(referred.rehabClinicId()).isEqualTo("clinic-qc-laval-01");
        assertThat(unknownClinic.assignRehabClinic(List.of())).isFalse();
        assertThat(unknownClinic.rehabClinicId()).isNull();
        assertThat(unknownClinic.needsRehabClinic()).as("no home region yet: nothing to ask the directory").isFalse();
    }

    @Test
    void takesAPreOperativeMeasurementAsTheNewBaselineButNotAPostOperativeOne() {
        RehabPlan plan = opened();

        plan.symptomsMeasured(LocalDate.parse("2027-01-05"), new Baseline(8, 52.0));
        plan.plan(surgery, policy.scheduleFor(surgery.category(), surgery.performedOn()), PLANNED_AT);
        boolean postOperative = plan.symptomsMeasured(LocalDate.parse("2027-01-25"), new Baseline(2, 10.0));

        assertThat(postOperative).isFalse();
        assertThat(plan.baseline()).contains(new Baseline(8, 52.0));
    }

    private RehabPlan opened() {
        RehabPlan plan = RehabPlan.forCase(surgery.caseId());
        plan.opened("clinic-qc-laval-01", "QC-13", "fr", new Baseline(7, 48.0));
        plan.assignRehabClinic(List.of(new RehabClinic(REHAB_CLINIC, "QC-13", List.of("fr"))));
        return plan;
    }

    private RehabPlan planned() {
        RehabPlan plan = opened();
        plan.plan(surgery, policy.scheduleFor(surgery.category(), surgery.performedOn()), PLANNED_AT);
        return plan;
    }

    private FollowUpReport report(RehabPlan plan, String assessedOn, int nrs, String odi, Instant at) {
        return plan.record(new FollowUpDraft(LocalDate.parse(assessedOn), nrs, sections(odi), false, List.of(), Adherence.GOOD, null),
                "r-" + assessedOn, null, rules, at);
    }

    private static List<OutboxEntry> entries(RehabPlan plan, String type) {
        return plan.pendingEvents().stream().filter(entry -> entry.type().equals(type)).toList();
    }

    private static CompletedSurgery surgery() {
        SurgeryCompleted completed = GoldenSamples.payload(EventCatalog.SURGERY_COMPLETED);
        return new CompletedSurgery(CaseId.of(completed.caseId()), completed.category(), completed.performedOn());
    }
}
