package ca.passerelle.events.asyncapi;

import static ca.passerelle.events.asyncapi.PayloadSchemas.ordered;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import ca.passerelle.events.CasePayload;
import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.EventType;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.events.Topics;

/**
 * Builds the AsyncAPI 3.0 document of every Passerelle topic from the contracts themselves: the channels from
 * {@link Topics} (case topics, facility status, the per-group dead letters, the per-hospital feed), one message per
 * {@link EventCatalog} type with its payload schema ({@link PayloadSchemas}) inside the CloudEvents structured-mode
 * envelope, and the golden sample as its example. Run by the build ({@code exec-maven-plugin}, phase
 * {@code process-test-classes}) to write {@code target/asyncapi/passerelle.asyncapi.yaml}.
 */
public final class AsyncApiDocument {

    /** Where the build writes the document, relative to the module. */
    public static final Path GENERATED = Path.of("target", "asyncapi", "passerelle.asyncapi.yaml");
    /** The copy kept in the repository, relative to the module; a test fails when it differs from the generated one. */
    public static final Path COMMITTED = Path.of("..", "docs", "asyncapi", "passerelle.asyncapi.yaml");

    /** The feed type the travel service publishes on each hospital's topic (not a case event: no catalog entry). */
    static final String HOSPITAL_APPOINTMENT_TYPE = "ca.passerelle.travel.hospital-appointment.v1";
    static final String ENVELOPE = "CloudEvent";
    static final String FHIR_APPOINTMENT = "FhirR4Appointment";
    static final String KAFKA_BINDING_VERSION = "0.5.0";

    private AsyncApiDocument() {
    }

    public static void main(String[] args) throws IOException {
        Path target = args.length > 0 ? Path.of(args[0]) : GENERATED;
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, yaml(), StandardCharsets.UTF_8);
        System.out.println("AsyncAPI document written to " + target);
    }

    /** The document as YAML, byte-for-byte stable for the same contracts. */
    public static String yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setSplitLines(false);
        options.setWidth(200);
        options.setDereferenceAliases(true);
        return "# Generated from the case-events contracts by ca.passerelle.events.asyncapi.AsyncApiDocument: do not edit by hand.\n"
                + new Yaml(options).dump(build());
    }

    /** The document as nested maps and lists. */
    public static Map<String, Object> build() {
        List<Object> samplePayloads = EventCatalog.all().stream().<Object>map(GoldenSamples::payload).toList();
        PayloadSchemas payloads = new PayloadSchemas(samplePayloads);

        Map<String, Object> messages = new LinkedHashMap<>();
        Map<String, List<EventType<?>>> byTopic = new LinkedHashMap<>();
        for (EventType<?> type : EventCatalog.all()) {
            messages.put(type.name(), message(type, payloads));
            byTopic.computeIfAbsent(type.topic(), topic -> new ArrayList<>()).add(type);
        }
        messages.put(HOSPITAL_APPOINTMENT_TYPE, hospitalAppointmentMessage());

        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        for (String topic : topics()) {
            List<EventType<?>> types = byTopic.getOrDefault(topic, List.of());
            channels.put(topic, channel(topic, "Events of " + topic + ", keyed by subject so that one subject's events stay in order.",
                    types.stream().map(EventType::name).toList(), null));
            for (String producer : producers(types)) {
                Map<String, Object> operation = ordered("action", "send", "channel", Map.of("$ref", "#/channels/" + pointer(topic)));
                operation.put("summary", producer + " publishes through its outbox relay (at least once; consumers de-duplicate on the event id).");
                operation.put("messages", types.stream().map(type -> Map.of("$ref", "#/channels/" + pointer(topic) + "/messages/" + pointer(type.name()))).toList());
                operations.put(producer + ".send." + topic, operation);
            }
            String deadLetters = Topics.deadLetter(topic, "{group}");
            channels.put(topic + ".dlq", channel(deadLetters,
                    "Dead letters of consumer group {group} on " + topic + ": the records it could not process, as received (value and key untouched), "
                            + "one partition, the reason in the binder's dead-letter headers. A record here may be unreadable; the messages below are what it should have been.",
                    types.stream().map(EventType::name).toList(),
                    Map.of("group", Map.of("description", "The consumer group, i.e. the consuming service's spring.application.name."))));
        }
        String hospitalFeed = hospitalFeedAddress();
        channels.put("passerelle.hospital.appointments.v1", channel(hospitalFeed,
                "One topic per partner hospital (Topics.hospitalFeed), so that a literal-topic Kafka ACL gives each hospital its own feed and nothing else. "
                        + "Keyed by the hospital id; sequence is the hospital's gap-free counter.",
                List.of(HOSPITAL_APPOINTMENT_TYPE),
                Map.of("hospitalId", Map.of("description", "The partner hospital's id: lower-case letters, digits and dashes, e.g. fr-lyon-chu-01."))));
        Map<String, Object> feedOperation = ordered("action", "send", "channel", Map.of("$ref", "#/channels/passerelle.hospital.appointments.v1"));
        feedOperation.put("summary", "travel-coordination-service publishes each hospital's appointments (FHIR R4) through the hospital's feed outbox.");
        operations.put("travel-coordination-service.send.passerelle.hospital.appointments.v1", feedOperation);

        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put(ENVELOPE, envelopeSchema());
        schemas.put(FHIR_APPOINTMENT, fhirAppointmentSchema());
        for (EventType<?> type : EventCatalog.all()) {
            payloads.refTo(type.payloadType());
        }
        schemas.putAll(payloads.schemas());
        if (!payloads.unprobed().isEmpty()) {
            throw new IllegalStateException("no golden sample holds a " + payloads.unprobed() + ": required fields cannot be probed");
        }

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("asyncapi", "3.0.0");
        Map<String, Object> info = ordered("title", "Passerelle events", "version", "1.0.0");
        info.put("description", "Every Kafka topic of Passerelle and every event type on it, generated from the case-events contracts "
                + "(EventCatalog, Topics, the payload records and their golden samples). Events are CloudEvents 1.0 in structured mode: "
                + "the record value is the JSON envelope (content-type header " + EventEnvelope.STRUCTURED_CONTENT_TYPE + "), data is the payload. "
                + "Versions are additive within a type; a breaking change is a new type name (and topic), both published during migration. "
                + "Readers ignore unknown fields and read unknown enum codes as the enum's fallback.");
        document.put("info", info);
        document.put("defaultContentType", EventEnvelope.STRUCTURED_CONTENT_TYPE);
        Map<String, Object> server = ordered("host", "kafka:9092", "protocol", "kafka");
        server.put("description", "The broker of docker-compose; in Kubernetes the Strimzi bootstrap service of deploy/.");
        document.put("servers", Map.of("kafka", server));
        document.put("channels", channels);
        document.put("operations", operations);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", schemas);
        components.put("messages", messages);
        document.put("components", components);
        return document;
    }

    /** Every fixed topic named in {@link Topics} (its public string constants). */
    public static Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    topics.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }

    /** {@code passerelle.hospital.{hospitalId}.appointments.v1}, from {@link Topics#hospitalFeed} itself. */
    static String hospitalFeedAddress() {
        String placeholder = "hospital-id-placeholder";
        return Topics.hospitalFeed(placeholder).replace(placeholder, "{hospitalId}");
    }

    private static Map<String, Object> channel(String address, String description, List<String> messageNames, Map<String, Object> parameters) {
        Map<String, Object> channel = ordered("address", address, "description", description);
        Map<String, Object> messages = new LinkedHashMap<>();
        for (String name : messageNames) {
            messages.put(name, Map.of("$ref", "#/components/messages/" + pointer(name)));
        }
        channel.put("messages", messages);
        if (parameters != null) {
            channel.put("parameters", parameters);
        }
        return channel;
    }

    private static Map<String, Object> message(EventType<?> type, PayloadSchemas payloads) {
        EventEnvelope sample = GoldenSamples.envelope(type);
        Map<String, Object> message = ordered("name", type.name(), "title", type.payloadType().getSimpleName(),
                "contentType", EventEnvelope.STRUCTURED_CONTENT_TYPE);
        message.put("summary", "CloudEvent " + type.name() + " on " + type.topic() + ", published by " + producer(type) + ".");
        message.put("headers", headers());
        message.put("payload", envelopeOf(type.name(), payloads.refTo(type.payloadType())));
        message.put("correlationId", ordered("description", "The CloudEvents subject, also the Kafka key.", "location", "$message.payload#/subject"));
        String key = CasePayload.class.isAssignableFrom(type.payloadType()) ? "The case id (opaque, never an identifier of the patient)."
                : "The subject of the event (for facility status, the guarded dependency).";
        message.put("bindings", Map.of("kafka", ordered("key", ordered("type", "string", "description", key), "bindingVersion", KAFKA_BINDING_VERSION)));
        Map<String, Object> example = ordered("name", "golden-sample", "summary", "The golden sample of the contracts (GoldenSamples).");
        example.put("headers", Map.of("content-type", EventEnvelope.STRUCTURED_CONTENT_TYPE));
        example.put("payload", EventCodec.mapper().convertValue(EventCodec.mapper().readTree(GoldenSamples.json(type)), Map.class));
        message.put("examples", List.of(example));
        return message;
    }

    private static Map<String, Object> hospitalAppointmentMessage() {
        Map<String, Object> message = ordered("name", HOSPITAL_APPOINTMENT_TYPE, "title", "HospitalAppointment",
                "contentType", EventEnvelope.STRUCTURED_CONTENT_TYPE);
        message.put("summary", "CloudEvent " + HOSPITAL_APPOINTMENT_TYPE + ": an appointment of this hospital as a FHIR R4 Appointment "
                + "(status proposed = held, please confirm; booked = confirmed or moved; cancelled). The patient is only a per-hospital pseudonym.");
        message.put("headers", headers());
        message.put("payload", envelopeOf(HOSPITAL_APPOINTMENT_TYPE, Map.of("$ref", PayloadSchemas.REF_PREFIX + FHIR_APPOINTMENT)));
        message.put("bindings", Map.of("kafka", ordered("key", ordered("type", "string", "description", "The hospital id."),
                "bindingVersion", KAFKA_BINDING_VERSION)));
        Map<String, Object> example = ordered("name", "booked", "summary", "A confirmed appointment (illustration; the travel service's tests hold the real ones).");
        example.put("headers", Map.of("content-type", EventEnvelope.STRUCTURED_CONTENT_TYPE));
        example.put("payload", hospitalAppointmentExample());
        message.put("examples", List.of(example));
        return message;
    }

    static Map<String, Object> hospitalAppointmentExample() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("resourceType", "Appointment");
        data.put("id", "apt-7d1c2b9e");
        data.put("meta", Map.of("lastUpdated", "2026-11-20T10:15:00+01:00"));
        data.put("identifier", List.of(ordered("system", "https://passerelle.ca/fhir/sid/appointment-id", "value", "apt-7d1c2b9e")));
        data.put("status", "booked");
        data.put("serviceType", List.of(Map.of("coding", List.of(ordered("system", "https://passerelle.ca/fhir/CodeSystem/surgical-category", "code", "SIMPLE_DECOMPRESSION")))));
        data.put("start", "2027-01-12T08:00:00+01:00");
        data.put("end", "2027-01-12T18:00:00+01:00");
        data.put("participant", List.of(
                ordered("actor", ordered("type", "Patient", "identifier", ordered("system", "https://passerelle.ca/fhir/sid/patient-pseudonym/fr-lyon-chu-01",
                        "value", "3f9a0c27e4b1d8a6")), "status", "accepted"),
                ordered("actor", ordered("type", "Organization", "identifier", ordered("system", "https://passerelle.ca/fhir/sid/partner-hospital",
                        "value", "fr-lyon-chu-01")), "status", "accepted")));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", EventEnvelope.SPEC_VERSION);
        event.put("id", "5e0f9a7c-2b1d-4c3e-8f6a-9d8c7b6a5f41");
        event.put("source", "/passerelle/travel-coordination-service");
        event.put("type", HOSPITAL_APPOINTMENT_TYPE);
        event.put("time", "2026-11-20T09:15:00Z");
        event.put("subject", "fr-lyon-chu-01");
        event.put("datacontenttype", EventEnvelope.DATA_CONTENT_TYPE);
        event.put("sequence", 3);
        event.put("data", data);
        return event;
    }

    private static Map<String, Object> headers() {
        Map<String, Object> contentType = ordered("type", "string", "const", EventEnvelope.STRUCTURED_CONTENT_TYPE);
        contentType.put("description", "Structured-mode CloudEvent: the attributes and the data travel together as the record value.");
        Map<String, Object> traceparent = ordered("type", "string", "description", "W3C trace context, when the producer traces.");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("content-type", contentType);
        properties.put("traceparent", traceparent);
        Map<String, Object> headers = ordered("type", "object", "properties", properties);
        headers.put("required", List.of("content-type"));
        return headers;
    }

    private static Map<String, Object> envelopeOf(String typeName, Map<String, Object> dataSchema) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("const", typeName));
        properties.put("data", dataSchema);
        return Map.of("allOf", List.of(Map.of("$ref", PayloadSchemas.REF_PREFIX + ENVELOPE), ordered("type", "object", "properties", properties)));
    }

    /** The CloudEvents 1.0 structured-mode envelope, as {@link EventEnvelope}'s constructor checks it. */
    static Map<String, Object> envelopeSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("specversion", ordered("type", "string", "const", EventEnvelope.SPEC_VERSION));
        properties.put("id", ordered("type", "string", "pattern", "\\S", "description", "Unique per event; consumers de-duplicate on it."));
        properties.put("source", ordered("type", "string", "pattern", "\\S", "description", "The producing service, e.g. /passerelle/intake-service."));
        properties.put("type", ordered("type", "string", "pattern", "\\S", "description", "The stable logical type; never a Java class name."));
        properties.put("time", ordered("type", "string", "format", "date-time", "description", "When the fact happened."));
        properties.put("subject", ordered("type", "string", "pattern", "\\S", "description", "The case id (the Kafka key); for non-case events, what the event is about."));
        properties.put("datacontenttype", ordered("type", "string", "const", EventEnvelope.DATA_CONTENT_TYPE));
        properties.put("sequence", ordered("type", "integer", "minimum", 1,
                "description", "CloudEvents sequence extension: strictly increasing per subject and source, starting at 1."));
        properties.put("data", ordered("type", "object", "description", "The payload, shaped by the type."));
        Map<String, Object> schema = ordered("type", "object", "title", "CloudEvent", "description",
                "CloudEvents 1.0, structured mode (EventEnvelope). Readers ignore attributes they do not know (e.g. traceparent).");
        schema.put("properties", properties);
        schema.put("required", List.of("specversion", "id", "source", "type", "time", "subject", "sequence", "data"));
        return schema;
    }

    /** What travel-coordination-service's FhirAppointments writes, as far as readers of the feed rely on it. */
    static Map<String, Object> fhirAppointmentSchema() {
        Map<String, Object> identifier = ordered("type", "object", "properties",
                ordered("system", ordered("type", "string", "format", "uri"), "value", ordered("type", "string")), "required", List.of("system", "value"));
        Map<String, Object> participant = ordered("type", "object", "properties", ordered(
                "actor", ordered("type", "object", "properties", ordered("type", ordered("type", "string", "enum", List.of("Patient", "Organization")),
                        "identifier", identifier), "required", List.of("type", "identifier")),
                "status", ordered("type", "string", "enum", List.of("accepted", "declined", "tentative", "needs-action"))), "required", List.of("actor", "status"));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("resourceType", ordered("type", "string", "const", "Appointment"));
        properties.put("id", ordered("type", "string", "description", "The appointment id."));
        properties.put("meta", ordered("type", "object", "properties", ordered("lastUpdated", ordered("type", "string", "format", "date-time"))));
        properties.put("identifier", ordered("type", "array", "items", identifier));
        properties.put("status", ordered("type", "string", "enum", List.of("proposed", "booked", "cancelled")));
        Map<String, Object> coding = ordered("type", "object", "properties",
                ordered("system", ordered("type", "string", "format", "uri"), "code", ordered("type", "string")));
        Map<String, Object> concept = ordered("type", "object", "properties", ordered("coding", ordered("type", "array", "items", coding)));
        properties.put("serviceType", ordered("type", "array", "items", concept,
                "description", "The surgical category (code system https://passerelle.ca/fhir/CodeSystem/surgical-category)."));
        properties.put("start", ordered("type", "string", "format", "date-time", "description", "08:00 Europe/Paris on the surgical day."));
        properties.put("end", ordered("type", "string", "format", "date-time", "description", "18:00 Europe/Paris on the surgical day."));
        properties.put("participant", ordered("type", "array", "description", "The patient (a per-hospital pseudonymous identifier only) and the hospital.",
                "items", participant));
        Map<String, Object> schema = ordered("type", "object", "title", "FHIR R4 Appointment",
                "description", "A FHIR R4 Appointment resource (https://hl7.org/fhir/R4/appointment.html) as the feed writes it; FHIR readers ignore what they do not know.");
        schema.put("externalDocs", Map.of("url", "https://hl7.org/fhir/R4/appointment.html"));
        schema.put("properties", properties);
        schema.put("required", List.of("resourceType", "id", "status", "start", "end", "participant"));
        return schema;
    }

    private static Set<String> producers(List<EventType<?>> types) {
        Set<String> producers = new LinkedHashSet<>();
        types.forEach(type -> producers.add(producer(type)));
        return producers;
    }

    /** The producing service, from the golden sample's {@code source} ({@code /passerelle/<service>}). */
    static String producer(EventType<?> type) {
        String source = GoldenSamples.envelope(type).source();
        return source.substring(source.lastIndexOf('/') + 1);
    }

    /** A JSON-pointer segment ({@code /} and {@code ~} escaped). */
    static String pointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
