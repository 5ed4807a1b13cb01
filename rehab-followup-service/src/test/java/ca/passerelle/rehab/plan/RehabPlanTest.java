package ca.passerelle.rehab.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.rehab.RehabPlanCreated;
import ca.passerelle.events.travel.SurgeryCompleted;
import ca.passerelle.platform.messaging.OutboxEntry;

class RehabPlanTest {

    private final RehabPlanPolicy policy = PlanSettings.policy();

    @Test
    void writesTheGoldenRehabPlanCreatedForTheGoldenSurgeryCompleted() {
        EventEnvelope golden = GoldenSamples.envelope(EventCatalog.REHAB_PLAN_CREATED);
        Clock clock = Clock.fixed(GoldenSamples.payload(EventCatalog.REHAB_PLAN_CREATED).createdAt(), ZoneOffset.UTC);
        CompletedSurgery surgery = surgery(GoldenSamples.payload(EventCatalog.SURGERY_COMPLETED));
        RehabPlan plan = RehabPlan.forCase(surgery.caseId());

        plan.plan(surgery, policy.scheduleFor(surgery.category(), surgery.performedOn()), clock.instant());

        assertThat(plan.pendingEvents()).hasSize(1);
        OutboxEntry raised = plan.pendingEvents().get(0);
        RehabPlanCreated payload = EventCodec.payload(asEnvelope(raised), EventCatalog.REHAB_PLAN_CREATED);
        assertThat(payload).isEqualTo(GoldenSamples.payload(EventCatalog.REHAB_PLAN_CREATED));
        assertThat(EventCodec.mapper().readTree(raised.data())).isEqualTo(golden.data());
        assertThat(raised.type()).isEqualTo(golden.type());
        assertThat(raised.topic()).isEqualTo(EventCatalog.REHAB_PLAN_CREATED.topic());
        assertThat(raised.subject()).isEqualTo(golden.subject());
        assertThat(raised.time()).isEqualTo(golden.time());
        assertThat(raised.sequence()).isEqualTo(golden.sequence());
    }

    @Test
    void keepsTheFirstPlanWhenTheCaseIsPlannedAgain() {
        CompletedSurgery first = surgery(GoldenSamples.payload(EventCatalog.SURGERY_COMPLETED));
        CompletedSurgery second = new CompletedSurgery(first.caseId(), SurgicalCategory.FUSION, first.performedOn().plusDays(1));
        RehabPlan plan = RehabPlan.forCase(first.caseId());
        Instant createdAt = Instant.parse("2027-01-22T16:45:03Z");

        boolean planned = plan.plan(first, policy.scheduleFor(first.category(), first.performedOn()), createdAt);
        boolean replanned = plan.plan(second, policy.scheduleFor(second.category(), second.performedOn()), createdAt.plusSeconds(60));

        assertThat(planned).isTrue();
        assertThat(replanned).isFalse();
        assertThat(plan.category()).isEqualTo(SurgicalCategory.SIMPLE_DECOMPRESSION);
        assertThat(plan.createdAt()).isEqualTo(createdAt);
        assertThat(plan.pendingEvents()).hasSize(1);
    }

    @Test
    void recordsTheCreationToTheMillisecondAsTheDocumentStoreKeepsIt() {
        CompletedSurgery surgery = surgery(GoldenSamples.payload(EventCatalog.SURGERY_COMPLETED));
        RehabPlan plan = RehabPlan.forCase(surgery.caseId());

        plan.plan(surgery, policy.scheduleFor(surgery.category(), surgery.performedOn()), Instant.parse("2027-01-22T16:45:03.123456789Z"));

        assertThat(plan.createdAt()).isEqualTo(Instant.parse("2027-01-22T16:45:03.123Z"));
        assertThat(EventCodec.mapper().readTree(plan.pendingEvents().get(0).data()).get("createdAt").asString())
                .isEqualTo("2027-01-22T16:45:03.123Z");
        assertThat(plan.pendingEvents().get(0).time()).isEqualTo(plan.createdAt());
    }

    @Test
    void refusesTheSurgeryOfAnotherCase() {
        CompletedSurgery surgery = surgery(GoldenSamples.payload(EventCatalog.SURGERY_COMPLETED));
        RehabPlan plan = RehabPlan.forCase(CaseId.of("c-another"));

        assertThatThrownBy(() -> plan.plan(surgery, policy.scheduleFor(surgery.category(), surgery.performedOn()), Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(plan.isPlanned()).isFalse();
        assertThat(plan.pendingEvents()).isEmpty();
    }

    @Test
    void leavesTheRehabClinicUnassignedUntilFacilityGatewayAssignsOne() {
        CompletedSurgery surgery = surgery(GoldenSamples.payload(EventCatalog.SURGERY_COMPLETED));
        RehabPlan plan = RehabPlan.forCase(surgery.caseId());

        plan.plan(surgery, policy.scheduleFor(surgery.category(), surgery.performedOn()), Instant.now());

        assertThat(plan.rehabClinicId()).isNull();
        assertThat(EventCodec.mapper().readTree(plan.pendingEvents().get(0).data()).has("rehabClinicId")).isTrue();
    }

    @Test
    void learnsTheReferringClinicBeforeOrAfterThePlanWithoutRaisingAnything() {
        CompletedSurgery surgery = surgery(GoldenSamples.payload(EventCatalog.SURGERY_COMPLETED));
        RehabPlan openedFirst = RehabPlan.forCase(surgery.caseId());
        RehabPlan plannedFirst = RehabPlan.forCase(surgery.caseId());
        Instant now = Instant.parse("2027-01-22T16:45:03Z");

        openedFirst.referredBy("clinic-qc-laval-01");
        assertThat(openedFirst.isPlanned()).isFalse();
        openedFirst.plan(surgery, policy.scheduleFor(surgery.category(), surgery.performedOn()), now);
        plannedFirst.plan(surgery, policy.scheduleFor(surgery.category(), surgery.performedOn()), now);
        assertThat(plannedFirst.referringClinicId()).isEmpty();
        plannedFirst.referredBy("clinic-qc-laval-01");

        assertThat(openedFirst.referringClinicId()).contains("clinic-qc-laval-01");
        assertThat(plannedFirst.referringClinicId()).contains("clinic-qc-laval-01");
        assertThat(openedFirst.pendingEvents()).hasSize(1);
        assertThat(plannedFirst.pendingEvents()).hasSize(1);
        assertThat(openedFirst.pendingEvents().get(0).data()).isEqualTo(plannedFirst.pendingEvents().get(0).data());
    }

    @Test
    void keepsTheFirstReferringClinicSoThatNoLaterEventMovesTheCaseToAnotherTenant() {
        RehabPlan plan = RehabPlan.forCase(CaseId.of("c-tenant"));

        boolean first = plan.referredBy("clinic-qc-laval-01");
        boolean second = plan.referredBy("clinic-qc-montreal-01");

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(plan.referringClinicId()).contains("clinic-qc-laval-01");
        assertThatThrownBy(() -> RehabPlan.forCase(CaseId.of("c-blank")).referredBy(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    private static CompletedSurgery surgery(SurgeryCompleted completed) {
        return new CompletedSurgery(CaseId.of(completed.caseId()), completed.category(), completed.performedOn());
    }

    private static EventEnvelope asEnvelope(OutboxEntry entry) {
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, entry.eventId(), "/passerelle/rehab-followup-service", entry.type(),
                entry.time(), entry.subject(), EventEnvelope.DATA_CONTENT_TYPE, entry.sequence(),
                EventCodec.mapper().readTree(entry.data()));
    }
}
