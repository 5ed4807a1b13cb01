package ca.passerelle.dashboard.cases;

import static ca.passerelle.events.EventCatalog.CASE_OPENED;
import static ca.passerelle.events.EventCatalog.FOLLOW_UP_ALERT_RAISED;
import static ca.passerelle.events.EventCatalog.RED_FLAG_REPORTED;
import static ca.passerelle.events.EventCatalog.SURGERY_RECOMMENDED;
import static ca.passerelle.events.EventCatalog.URGENT_REFERRAL_REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
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
import ca.passerelle.events.assessment.UrgentReferralRequired;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.events.rehab.AlertSeverity;

/** The dashboard's own urgent-referral alert: raised once by the projection, in any order, acknowledged once. */
class UrgentReferralAlertTest {

    private static final Instant T0 = Instant.parse("2026-11-02T14:05:00Z");

    private final CaseEvents events = CaseEvents.forNewCase();

    @Test
    void anUrgentReferralRaisesOneUrgentAlertNamingTheRedFlagCodesOnly() {
        CaseSummary summary = fold(List.of(events.event(CASE_OPENED, T0), referral("e-urgent", 2, RedFlag.CAUDA_EQUINA,
                RedFlag.SUSPECTED_INFECTION)));

        assertThat(summary.terminalReason()).isEqualTo(TerminalReason.URGENT_REFERRAL);
        assertThat(summary.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.alertId()).isEqualTo(Alert.URGENT_REFERRAL_ID);
            assertThat(alert.urgentReferral()).isTrue();
            assertThat(alert.owner()).isEqualTo(Alert.Owner.DASHBOARD);
            assertThat(alert.severity()).isEqualTo(AlertSeverity.URGENT);
            assertThat(alert.redFlags()).containsExactly("CAUDA_EQUINA", "SUSPECTED_INFECTION");
            assertThat(alert.reason()).isEqualTo("Orientation urgente : signaux d’alarme CAUDA_EQUINA, SUSPECTED_INFECTION");
            assertThat(alert.raisedAt()).isEqualTo(T0.plusSeconds(2 * 3600));
            assertThat(alert.open()).isTrue();
        });
        assertThat(summary.urgentReferralOpen()).isTrue();
        assertThat(summary.blockers()).singleElement().satisfies(blocker -> {
            assertThat(blocker.kind()).isEqualTo(Blocker.Kind.URGENT_REFERRAL_TO_ACKNOWLEDGE);
            assertThat(blocker.details()).containsExactly("CAUDA_EQUINA", "SUSPECTED_INFECTION");
        });
        assertThat(summary.openAlertCount()).as("not a follow-up alert: its own queue, not FOLLOW_UP_ALERTS").isZero();
        assertThat(summary.hasOpenAlert()).isFalse();
    }

    @Test
    void theSameEventTwiceAndASecondReferralStillRaiseOneAlert() {
        EventEnvelope first = referral("e-urgent-1", 2, RedFlag.CAUDA_EQUINA);
        CaseSummary summary = fold(List.of(events.event(CASE_OPENED, T0), first, first, referral("e-urgent-2", 5,
                RedFlag.SUSPECTED_FRACTURE)));

        assertThat(summary.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.redFlags()).as("the earliest referral's flags").containsExactly("CAUDA_EQUINA");
            assertThat(alert.raisedAt()).isEqualTo(T0.plusSeconds(2 * 3600));
        });
        assertThat(summary.timeline()).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void anyArrivalOrderGivesTheSameAlertAndAcknowledgement(long seed) {
        List<EventEnvelope> inOrder = List.of(events.event(CASE_OPENED, T0), events.event(RED_FLAG_REPORTED, T0.plusSeconds(3600)),
                referral("e-urgent", 2, RedFlag.PROGRESSIVE_NEUROLOGICAL_DEFICIT),
                events.event(SURGERY_RECOMMENDED, T0.plusSeconds(3 * 3600)),
                events.event(FOLLOW_UP_ALERT_RAISED, T0.plusSeconds(4 * 3600)));
        UrgentReferralAcknowledgement acknowledgement = new UrgentReferralAcknowledgement(events.caseId(),
                T0.plusSeconds(10 * 3600), "coordonnatrice");
        CaseSummary expected = fold(inOrder);
        expected.acknowledgeUrgentReferral(acknowledgement);

        List<EventEnvelope> shuffled = new ArrayList<>(inOrder);
        Collections.shuffle(shuffled, new Random(seed));
        CaseSummary summary = new CaseSummary(events.caseId());
        int acknowledgeAfter = new Random(seed).nextInt(shuffled.size() + 1);
        for (int i = 0; i < shuffled.size(); i++) {
            if (i == acknowledgeAfter) {
                summary.acknowledgeUrgentReferral(acknowledgement);
            }
            summary.apply(CaseFacts.of(shuffled.get(i)));
        }
        summary.acknowledgeUrgentReferral(acknowledgement);

        assertThat(CaseSummaryTest.snapshot(summary)).isEqualTo(CaseSummaryTest.snapshot(expected));
        assertThat(summary.urgentReferral()).hasValueSatisfying(alert -> {
            assertThat(alert.open()).isFalse();
            assertThat(alert.acknowledgedBy()).isEqualTo("coordonnatrice");
            assertThat(alert.acknowledgedAt()).isEqualTo(T0.plusSeconds(10 * 3600));
        });
        assertThat(summary.urgentReferralOpen()).isFalse();
        assertThat(summary.openAlertCount()).as("the rehab alert stays a follow-up alert").isEqualTo(1);
    }

    @Test
    void acknowledgingLeavesTheQueueKeepsTheAlertAndASecondAcknowledgementChangesNothing() {
        CaseSummary summary = fold(List.of(events.event(CASE_OPENED, T0), referral("e-urgent", 2, RedFlag.CAUDA_EQUINA)));

        assertThat(summary.acknowledgeUrgentReferral(new UrgentReferralAcknowledgement(events.caseId(), T0.plusSeconds(9000), "coord-a")))
                .isTrue();
        List<Object> once = CaseSummaryTest.snapshot(summary);
        assertThat(summary.acknowledgeUrgentReferral(new UrgentReferralAcknowledgement(events.caseId(), T0.plusSeconds(9999), "coord-b")))
                .isFalse();

        assertThat(CaseSummaryTest.snapshot(summary)).isEqualTo(once);
        assertThat(summary.urgentReferralOpen()).isFalse();
        assertThat(summary.blockers()).isEmpty();
        assertThat(summary.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.acknowledgedBy()).isEqualTo("coord-a");
            assertThat(alert.acknowledgedAt()).isEqualTo(T0.plusSeconds(9000));
        });
        assertThat(summary.terminalReason()).as("still closed for the tourism pathway").isEqualTo(TerminalReason.URGENT_REFERRAL);
    }

    @Test
    void aCaseWithoutUrgentReferralHasNoSuchAlertAndRefusesAnotherCasesAcknowledgement() {
        CaseSummary summary = fold(List.of(events.event(CASE_OPENED, T0)));

        summary.acknowledgeUrgentReferral(new UrgentReferralAcknowledgement(events.caseId(), T0, "coord-a"));

        assertThat(summary.urgentReferral()).isEmpty();
        assertThat(summary.alerts()).isEmpty();
        assertThat(summary.urgentReferralOpen()).isFalse();
        assertThatThrownBy(() -> summary.acknowledgeUrgentReferral(new UrgentReferralAcknowledgement("c-other", T0, "coord-a")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private CaseSummary fold(List<EventEnvelope> envelopes) {
        CaseSummary summary = new CaseSummary(events.caseId());
        envelopes.forEach(envelope -> summary.apply(CaseFacts.of(envelope)));
        return summary;
    }

    private EventEnvelope referral(String eventId, int hoursAfterStart, RedFlag... flags) {
        Instant at = T0.plusSeconds(hoursAfterStart * 3600L);
        UrgentReferralRequired payload = new UrgentReferralRequired(events.caseId(), List.of(flags), at);
        return EventCodec.envelope(eventId, "/passerelle/assessment-service", at, hoursAfterStart, payload);
    }
}
