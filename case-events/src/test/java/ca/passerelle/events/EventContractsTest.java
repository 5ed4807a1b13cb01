package ca.passerelle.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.events.intake.RedFlag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventContractsTest {

    static Stream<EventType<?>> eventTypes() {
        return EventCatalog.all().stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void goldenSampleRoundTripsExactly(EventType<?> type) {
        String sample = GoldenSamples.json(type);
        EventEnvelope read = EventCodec.read(sample);
        Object payload = EventCodec.payload(read, type);

        EventEnvelope rebuilt = EventCodec.envelope(read.id(), read.source(), read.time(), read.sequence(), payload);

        assertThat(tree(EventCodec.writeString(rebuilt))).isEqualTo(tree(sample));
        assertThat(rebuilt.type()).isEqualTo(type.name());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void typeNamesAreStableLogicalNamesNotJavaClassNames(EventType<?> type) {
        assertThat(type.name()).matches("ca\\.passerelle\\.[a-z]+\\.[a-z-]+\\.v[0-9]+")
                .doesNotContain(type.payloadType().getSimpleName())
                .doesNotContain(type.payloadType().getPackageName());
        assertThat(type.topic()).startsWith("passerelle.").matches(".*\\.v[0-9]+");
    }

    @Test
    void caseEventsAreKeyedByTheCaseId() {
        EventEnvelope sample = GoldenSamples.envelope(EventCatalog.CASE_OPENED);
        CaseOpened opened = EventCodec.payload(sample, EventCatalog.CASE_OPENED);
        assertThat(sample.subject()).isEqualTo(opened.caseId());
        assertThat(EventCatalog.CASE_OPENED.subject(opened)).isEqualTo(opened.caseId());
    }

    @Test
    void readerIgnoresUnknownAttributesAndPayloadFields() {
        ObjectNode sample = (ObjectNode) tree(GoldenSamples.json(EventCatalog.CASE_OPENED));
        sample.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        ((ObjectNode) sample.get("data")).put("fieldAddedInALaterMinorVersion", "ignored");
        ((ObjectNode) sample.get("data").get("symptoms")).put("sleepQuality", 3);

        EventEnvelope read = EventCodec.read(sample.toString());

        assertThat(EventCodec.payload(read, EventCatalog.CASE_OPENED))
                .isEqualTo(GoldenSamples.payload(EventCatalog.CASE_OPENED));
    }

    @Test
    void unknownRedFlagCodeStillReadsAsARedFlag() {
        ObjectNode sample = (ObjectNode) tree(GoldenSamples.json(EventCatalog.CASE_OPENED));
        ((ObjectNode) sample.get("data")).putArray("redFlags").add("SOME_FLAG_ADDED_LATER");

        CaseOpened opened = EventCodec.payload(EventCodec.read(sample.toString()), EventCatalog.CASE_OPENED);

        assertThat(opened.redFlags()).containsExactly(RedFlag.OTHER);
    }

    @Test
    void rejectsARecordThatIsNotJson() {
        assertThatThrownBy(() -> EventCodec.read("this is not json {"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("unreadable event");
    }

    @Test
    void rejectsAPayloadThatBreaksItsSchemaAndSaysWhy() {
        ObjectNode sample = (ObjectNode) tree(GoldenSamples.json(EventCatalog.CASE_OPENED));
        ((ObjectNode) sample.get("data")).remove("clinicId");

        assertThatThrownBy(() -> EventCodec.read(sample.toString()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("clinicId is required");
    }

    @Test
    void rejectsAnOutOfRangeScore() {
        ObjectNode sample = (ObjectNode) tree(GoldenSamples.json(EventCatalog.CASE_OPENED));
        ((ObjectNode) sample.get("data").get("symptoms")).put("painNrs", 11);

        assertThatThrownBy(() -> EventCodec.read(sample.toString()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("painNrs must be between 0 and 10");
    }

    @Test
    void rejectsAnUnknownEventType() {
        ObjectNode sample = (ObjectNode) tree(GoldenSamples.json(EventCatalog.CASE_OPENED));
        sample.put("type", "ca.passerelle.intake.case-teleported.v1");

        assertThatThrownBy(() -> EventCodec.read(sample.toString()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("unknown event type");
    }

    @Test
    void rejectsAnEnvelopeWithoutSubject() {
        ObjectNode sample = (ObjectNode) tree(GoldenSamples.json(EventCatalog.CASE_OPENED));
        sample.remove("subject");

        assertThatThrownBy(() -> EventCodec.read(sample.toString()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("subject is required");
    }

    private static JsonNode tree(String json) {
        return EventCodec.mapper().readTree(json);
    }
}
