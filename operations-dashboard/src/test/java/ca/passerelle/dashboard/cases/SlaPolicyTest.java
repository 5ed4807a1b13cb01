package ca.passerelle.dashboard.cases;

import static ca.passerelle.events.EventCatalog.CONSERVATIVE_CARE_VERIFIED;
import static ca.passerelle.events.EventCatalog.SURGERY_NOT_INDICATED;
import static ca.passerelle.events.EventCatalog.SURGERY_SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.passerelle.dashboard.CaseEvents;
import ca.passerelle.events.EventType;

/** Time in stage against the configured limits, on a fixed clock. */
class SlaPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final SlaPolicy policy = new SlaPolicy(SlaProperties.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void awaitingEvaluationIsOkThenAtRiskThenBreachedAfterFourteenDays() {
        assertThat(policy.state(caseIn(CONSERVATIVE_CARE_VERIFIED, Duration.ofDays(3)))).isEqualTo(SlaState.OK);
        assertThat(policy.state(caseIn(CONSERVATIVE_CARE_VERIFIED, Duration.ofDays(11)))).isEqualTo(SlaState.AT_RISK);
        assertThat(policy.state(caseIn(CONSERVATIVE_CARE_VERIFIED, Duration.ofDays(15)))).isEqualTo(SlaState.BREACHED);
        assertThat(policy.daysInStage(caseIn(CONSERVATIVE_CARE_VERIFIED, Duration.ofDays(15).plusHours(5)))).isEqualTo(15);
    }

    @Test
    void aStageWithoutALimitAndAClosedCaseAreAlwaysOk() {
        assertThat(policy.state(caseIn(SURGERY_SCHEDULED, Duration.ofDays(400)))).isEqualTo(SlaState.OK);
        assertThat(policy.state(caseIn(SURGERY_NOT_INDICATED, Duration.ofDays(400)))).isEqualTo(SlaState.OK);
    }

    @Test
    void configuredLimitsReplaceOnlyTheStagesTheyNameAndZeroRemovesALimit() {
        SlaProperties properties = new SlaProperties(Map.of(Stage.AWAITING_EVALUATION, Duration.ofDays(5),
                Stage.INTAKE, Duration.ZERO), 0.5);

        assertThat(properties.limits()).containsEntry(Stage.AWAITING_EVALUATION, Duration.ofDays(5))
                .containsEntry(Stage.AWAITING_HOSPITAL_CHOICE, Duration.ofDays(3))
                .doesNotContainKey(Stage.INTAKE)
                .doesNotContainKey(Stage.CLOSED);
        SlaPolicy strict = new SlaPolicy(properties, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(strict.state(caseIn(CONSERVATIVE_CARE_VERIFIED, Duration.ofDays(3)))).isEqualTo(SlaState.AT_RISK);
        assertThat(strict.state(caseIn(CONSERVATIVE_CARE_VERIFIED, Duration.ofDays(6)))).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void theDefaultsAreDocumented() {
        assertThat(SlaProperties.defaults().limits()).containsEntry(Stage.AWAITING_EVALUATION, Duration.ofDays(14))
                .containsEntry(Stage.AWAITING_HOSPITAL_CONFIRMATION, Duration.ofDays(2))
                .doesNotContainKeys(Stage.SURGERY_SCHEDULED, Stage.REHABILITATION);
    }

    private static CaseSummary caseIn(EventType<?> type, Duration ago) {
        CaseEvents events = CaseEvents.forNewCase();
        CaseSummary summary = new CaseSummary(events.caseId());
        summary.apply(CaseFacts.of(events.event(type, NOW.minus(ago))));
        return summary;
    }
}
