package ca.passerelle.dashboard.cases;

import static ca.passerelle.events.EventCatalog.CASE_OPENED;
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

import org.junit.jupiter.api.Test;

import ca.passerelle.dashboard.CaseEvents;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.EventType;

class CaseSummaryTest {

    private static final Instant T0 = Instant.parse("2026-11-02T14:05:00Z");

    private final CaseEvents events = CaseEvents.forNewCase();
    private final CaseSummary summary = new CaseSummary(events.caseId());

    @Test
    void movesForwardAlongThePathwayEventByEvent() {
        apply(CASE_OPENED, 0);
        assertThat(summary.stage()).isEqualTo(Stage.INTAKE);
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

    private void apply(EventType<?> type, int hoursAfterStart) {
        summary.apply(CaseFacts.of(events.event(type, T0.plusSeconds(hoursAfterStart * 3600L))));
    }
}
