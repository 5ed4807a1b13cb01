package ca.passerelle.dashboard.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.EventType;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.Topics;
import tools.jackson.databind.node.ObjectNode;

/** Consumer side of the contracts: every case event's golden sample, applied to a new summary, gives the expected stage. */
class CaseGoldenSamplesTest {

    private static final Map<String, Stage> EXPECTED = Map.of(
            EventCatalog.CASE_OPENED.name(), Stage.INTAKE,
            EventCatalog.URGENT_REFERRAL_REQUIRED.name(), Stage.CLOSED,
            EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name(), Stage.CONSERVATIVE_CARE,
            EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(), Stage.AWAITING_EVALUATION,
            EventCatalog.SURGERY_RECOMMENDED.name(), Stage.SURGERY_SCHEDULING,
            EventCatalog.SURGERY_NOT_INDICATED.name(), Stage.CLOSED,
            EventCatalog.SURGERY_SCHEDULED.name(), Stage.SURGERY_SCHEDULED,
            EventCatalog.SURGERY_COMPLETED.name(), Stage.REHABILITATION,
            EventCatalog.REHAB_PLAN_CREATED.name(), Stage.REHABILITATION);

    static Stream<EventType<?>> caseEventTypes() {
        return EventCatalog.all().stream().filter(type -> !type.topic().equals(Topics.FACILITY_STATUS));
    }

    @Test
    void knowsTheStageOfEveryCaseEventTypeInTheCatalog() {
        assertThat(caseEventTypes().map(EventType::name)).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest
    @MethodSource("caseEventTypes")
    void goldenSampleGivesItsStage(EventType<?> type) {
        EventEnvelope sample = GoldenSamples.envelope(type);
        CaseSummary summary = new CaseSummary(sample.subject());

        summary.apply(CaseFacts.of(sample));

        assertThat(summary.stage()).isEqualTo(EXPECTED.get(type.name()));
        assertThat(summary.terminal()).isEqualTo(EXPECTED.get(type.name()) == Stage.CLOSED);
        assertThat(summary.lastEventAt()).isEqualTo(sample.time());
        assertThat(summary.timeline()).singleElement().satisfies(entry -> {
            assertThat(entry.eventId()).isEqualTo(sample.id());
            assertThat(entry.type()).isEqualTo(type.name());
            assertThat(entry.source()).isEqualTo(sample.source());
            assertThat(entry.summary()).isNotBlank();
        });
        assertThat(summary.status()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("caseEventTypes")
    void readsTheGoldenSampleTolerantlyWithFieldsItDoesNotKnow(EventType<?> type) {
        ObjectNode json = (ObjectNode) EventCodec.mapper().readTree(GoldenSamples.json(type));
        json.put("futureAttribute", "x");
        ((ObjectNode) json.get("data")).put("futureField", 42);
        EventEnvelope envelope = EventCodec.read(json.toString());
        CaseSummary summary = new CaseSummary(envelope.subject());

        summary.apply(CaseFacts.of(envelope));

        assertThat(summary.stage()).isEqualTo(EXPECTED.get(type.name()));
    }

    @Test
    void openingSampleGivesClinicAndOpeningTime() {
        EventEnvelope sample = GoldenSamples.envelope(EventCatalog.CASE_OPENED);
        CaseSummary summary = new CaseSummary(sample.subject());

        summary.apply(CaseFacts.of(sample));

        assertThat(summary.clinicId()).isEqualTo("clinic-qc-laval-01");
        assertThat(summary.openedAt()).isEqualTo(Instant.parse("2026-11-02T14:05:00Z"));
        assertThat(summary.timeline().get(0).summary())
                .isEqualTo("Dossier ouvert par clinic-qc-laval-01 : M96.1, douleur 7/10, ODI 48 %");
    }

    @Test
    void schedulingSampleNamesTheHospital() {
        EventEnvelope sample = GoldenSamples.envelope(EventCatalog.SURGERY_SCHEDULED);
        CaseSummary summary = new CaseSummary(sample.subject());

        summary.apply(CaseFacts.of(sample));

        assertThat(summary.hospitalId()).isEqualTo("fr-lyon-chu-01");
        assertThat(summary.timeline().get(0).summary()).isEqualTo(
                "Chirurgie planifiée le 2027-01-20 à fr-lyon-chu-01 (consultation préopératoire le 2027-01-18)");
    }
}
