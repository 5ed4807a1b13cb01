package ca.passerelle.dashboard.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
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

/**
 * Consumer side of the contracts: every case event type of the catalogue is projected, and its golden sample, applied to
 * a new summary, gives the expected stage (an event that does not move a case leaves a new one at intake).
 */
class CaseGoldenSamplesTest {

    private static final Map<String, Stage> EXPECTED = new HashMap<>();

    static {
        EXPECTED.put(EventCatalog.CASE_OPENED.name(), Stage.TRIAGE);
        EXPECTED.put(EventCatalog.CONSERVATIVE_CARE_SESSION_RECORDED.name(), Stage.INTAKE);
        EXPECTED.put(EventCatalog.IMAGING_RECORDED.name(), Stage.INTAKE);
        EXPECTED.put(EventCatalog.SYMPTOMS_REPORTED.name(), Stage.INTAKE);
        EXPECTED.put(EventCatalog.RED_FLAG_REPORTED.name(), Stage.INTAKE);
        EXPECTED.put(EventCatalog.CONSENT_CHANGED.name(), Stage.INTAKE);
        EXPECTED.put(EventCatalog.DOCUMENT_ATTACHED.name(), Stage.INTAKE);
        EXPECTED.put(EventCatalog.CASE_CLOSED.name(), Stage.CLOSED);
        EXPECTED.put(EventCatalog.URGENT_REFERRAL_REQUIRED.name(), Stage.CLOSED);
        EXPECTED.put(EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name(), Stage.CONSERVATIVE_CARE);
        EXPECTED.put(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(), Stage.AWAITING_EVALUATION);
        EXPECTED.put(EventCatalog.SURGERY_RECOMMENDED.name(), Stage.SURGERY_SCHEDULING);
        EXPECTED.put(EventCatalog.SURGERY_NOT_INDICATED.name(), Stage.CLOSED);
        EXPECTED.put(EventCatalog.SURGERY_OPTIONS_OFFERED.name(), Stage.AWAITING_HOSPITAL_CHOICE);
        EXPECTED.put(EventCatalog.SURGERY_SLOT_HELD.name(), Stage.AWAITING_HOSPITAL_CONFIRMATION);
        EXPECTED.put(EventCatalog.SURGERY_SCHEDULED.name(), Stage.SURGERY_SCHEDULED);
        EXPECTED.put(EventCatalog.SURGERY_RESCHEDULED.name(), Stage.SURGERY_SCHEDULED);
        EXPECTED.put(EventCatalog.SURGERY_CANCELLED.name(), Stage.SURGERY_SCHEDULING);
        EXPECTED.put(EventCatalog.TRAVEL_PLAN_UPDATED.name(), Stage.INTAKE);
        EXPECTED.put(EventCatalog.SURGERY_COMPLETED.name(), Stage.REHABILITATION);
        EXPECTED.put(EventCatalog.REHAB_PLAN_CREATED.name(), Stage.REHABILITATION);
        EXPECTED.put(EventCatalog.FOLLOW_UP_RECORDED.name(), Stage.INTAKE);
        EXPECTED.put(EventCatalog.REHAB_PHASE_ADVANCED.name(), Stage.REHABILITATION);
        EXPECTED.put(EventCatalog.FOLLOW_UP_ALERT_RAISED.name(), Stage.INTAKE);
        EXPECTED.put(EventCatalog.FOLLOW_UP_ALERT_ACKNOWLEDGED.name(), Stage.INTAKE);
        EXPECTED.put(EventCatalog.REHAB_COMPLETED.name(), Stage.CLOSED);
    }

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
        assertThat(summary.stageSince()).isEqualTo(sample.time());
        assertThat(summary.timeline()).singleElement().satisfies(entry -> {
            assertThat(entry.eventId()).isEqualTo(sample.id());
            assertThat(entry.type()).isEqualTo(type.name());
            assertThat(entry.source()).isEqualTo(sample.source());
            assertThat(entry.summary()).isNotBlank().doesNotContain("null");
        });
        assertThat(summary.status()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("caseEventTypes")
    void everyEventTypeHasAFrenchAndAnEnglishLabel(EventType<?> type) throws Exception {
        for (String bundle : new String[] {"/messages.properties", "/messages_fr.properties", "/messages_en.properties"}) {
            java.util.Properties messages = new java.util.Properties();
            try (var in = getClass().getResourceAsStream(bundle)) {
                messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(messages.getProperty("event." + type.name())).as(bundle + " " + type.name()).isNotBlank();
        }
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
    void openingSampleGivesClinicOpeningTimeBaselineAndCarePeriod() {
        EventEnvelope sample = GoldenSamples.envelope(EventCatalog.CASE_OPENED);
        CaseSummary summary = new CaseSummary(sample.subject());

        summary.apply(CaseFacts.of(sample));

        assertThat(summary.clinicId()).isEqualTo("clinic-qc-laval-01");
        assertThat(summary.openedAt()).isEqualTo(Instant.parse("2026-11-02T14:05:00Z"));
        assertThat(summary.timeline().get(0).summary())
                .isEqualTo("Dossier ouvert par clinic-qc-laval-01 : M96.1, douleur 7/10, ODI 48 %");
        assertThat(summary.measurements()).singleElement()
                .isEqualTo(new Measurement(Measurement.Kind.OPENING, LocalDate.parse("2026-11-02"), 7, 48.0, null));
        assertThat(summary.conservativeCarePeriod()).containsExactly(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-08-28"));
        assertThat(summary.crossBorderConsent()).isTrue();
        assertThat(summary.blockers()).isEmpty();
    }

    @Test
    void schedulingSampleNamesTheHospitalAndTheDate() {
        EventEnvelope sample = GoldenSamples.envelope(EventCatalog.SURGERY_SCHEDULED);
        CaseSummary summary = new CaseSummary(sample.subject());

        summary.apply(CaseFacts.of(sample));

        assertThat(summary.hospitalId()).isEqualTo("fr-lyon-chu-01");
        assertThat(summary.surgeryOn()).isEqualTo(LocalDate.parse("2027-01-20"));
        assertThat(summary.travelToFinalise()).isTrue();
        assertThat(summary.timeline().get(0).summary()).isEqualTo(
                "Chirurgie planifiée le 2027-01-20 à fr-lyon-chu-01 (consultation préopératoire le 2027-01-18)");
    }
}
