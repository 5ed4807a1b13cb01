package ca.passerelle.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.Topics;
import ca.passerelle.intake.IntakeApplication;
import ca.passerelle.testinfra.RealInfrastructureInitializer;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property (jqwik 1.9.3, which runs on the JUnit Platform 6 of Spring Boot 4): whatever body a client sends to open-case or
 * an update endpoint, intake never answers 5xx, every 4xx is problem+json, and a rejected request persists nothing and
 * raises no event. Each try takes a valid body and mutates it: a value replaced by a generated one (extreme numbers,
 * control characters, far or impossible dates, arrays for objects…), a field removed, an unknown or forbidden field added,
 * the JSON cut short, garbage bytes, or a bare JSON value. jqwik does not run JUnit Jupiter extensions, so the service is
 * started here with the same real broker and MongoDB server ({@link RealInfrastructureInitializer}); after the tries, the
 * events on the intake topic are exactly those of the accepted requests. The document upload gets its own property with
 * spoilt multipart envelopes, parts, kinds and contents.
 */
class MalformedRequestsIT {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequestsIT.class);
    static final int TRIES = 160;
    /** The fuzzed requests come from a clinic of their own, so its cases and events are exactly the fuzz's. */
    static final String FUZZ_CLINIC = "clinic-qc-fuzz-01";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> FORBIDDEN = List.of("status", "tenant", "clinicId", "caseId", "referringClinic", "outbox",
            "version", "_id", "idempotencyKey", "history");
    private static final List<String> TRICKY_STRINGS = List.of("", " ", "null", "0", "-1", "true", "2026-02-30", "2026-13-01",
            "+999999999-12-31", "-999999999-01-01", "1899-12-31", "9999-12-31", "2026-11-02T13:50:00Z",
            "+1000000000-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "TREM 7453 1214", "ABCD 9999 9999", "M96.1", "OTHER",
            "other", "PHYSIOTHERAPY ", "L4-L5", "L4-L5; DROP TABLE", "QC-18", "fr", "xx", "\u0000", "\uFFFF", "\uD83D\uDE00",
            "\u202Eevil", "<script>", "${jndi:ldap://x}", "{\"$gt\":\"\"}", "a".repeat(5000), "é".repeat(300));

    private static ConfigurableApplicationContext service;
    private static MongoTemplate mongo;
    private static String baseUrl;
    private static String kafka;
    private static String token;
    private static String ramq;
    private static String target;
    private static String closingTarget;
    private static final AtomicInteger acceptedOpens = new AtomicInteger();
    private static final Map<String, AtomicInteger> acceptedUpdates = new ConcurrentHashMap<>();
    private static final Map<Integer, Integer> statuses = new TreeMap<>();
    private static final Map<Integer, Integer> uploadStatuses = new TreeMap<>();

    /** The endpoints under test, each with a valid body to mutate. */
    enum Endpoint {
        OPEN_CASE("POST", "/api/cases", () -> CaseRequests.golden(ramq).put("referringClinicId", FUZZ_CLINIC)),
        SESSION("POST", "/api/cases/{target}/conservative-care-sessions", CaseUpdatesIT::session),
        IMAGING("POST", "/api/cases/{target}/imaging", CaseUpdatesIT::imaging),
        SYMPTOMS("POST", "/api/cases/{target}/symptoms", CaseUpdatesIT::symptoms),
        RED_FLAGS("POST", "/api/cases/{target}/red-flags", CaseUpdatesIT::redFlags),
        GIVE_CONSENT("POST", "/api/cases/{target}/consents/research", CaseUpdatesIT::consent),
        WITHDRAW_CONSENT("DELETE", "/api/cases/{target}/consents/research", CaseUpdatesIT::consent),
        CLOSE("POST", "/api/cases/{closing}/close", CaseUpdatesIT::closing);

        final String method;
        final String template;
        final Supplier<ObjectNode> valid;

        Endpoint(String method, String template, Supplier<ObjectNode> valid) {
            this.method = method;
            this.template = template;
            this.valid = valid;
        }

        String path() {
            return template.replace("{target}", target).replace("{closing}", closingTarget);
        }

        String caseId() {
            return this == OPEN_CASE ? null : this == CLOSE ? closingTarget : target;
        }
    }

    enum Kind {
        REPLACE_VALUE, REMOVE_FIELD, ADD_FIELD, TRUNCATE, GARBAGE, BARE_VALUE
    }

    /** One way to spoil a valid body; {@code slot} picks the value or field, {@code cut} the percentage kept when truncating. */
    record Mutation(Kind kind, int slot, JsonNode value, String field, int cut, byte[] garbage) {

        byte[] applyTo(ObjectNode valid) {
            switch (kind) {
                case REPLACE_VALUE -> {
                    List<Runnable> slots = new ArrayList<>();
                    collectSlots(valid, value, slots);
                    slots.get(slot % slots.size()).run();
                }
                case REMOVE_FIELD -> {
                    List<Runnable> removals = new ArrayList<>();
                    collectRemovals(valid, removals);
                    removals.get(slot % removals.size()).run();
                }
                case ADD_FIELD -> valid.set(field, value);
                case TRUNCATE -> {
                    byte[] json = valid.toString().getBytes(StandardCharsets.UTF_8);
                    return Arrays.copyOf(json, json.length * cut / 100);
                }
                case GARBAGE -> {
                    return garbage;
                }
                case BARE_VALUE -> {
                    return value.toString().getBytes(StandardCharsets.UTF_8);
                }
            }
            return valid.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String shown = String.valueOf(value);
            return kind + " slot " + slot + " field " + field + " cut " + cut + "% value "
                    + (shown.length() > 200 ? shown.substring(0, 200) + "…" : shown);
        }
    }

    @BeforeContainer
    static void startTheService() {
        service = new SpringApplicationBuilder(IntakeApplication.class).initializers(new RealInfrastructureInitializer())
                .properties("server.port=0").run();
        mongo = service.getBean(MongoTemplate.class);
        baseUrl = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
        kafka = service.getEnvironment().getProperty("spring.kafka.bootstrap-servers");
        token = TestTokens.clinic(FUZZ_CLINIC);
        ramq = CaseRequests.anotherRamqOfMarie();
        target = opened(CaseRequests.golden(CaseRequests.anotherRamqOfMarie()));
        closingTarget = opened(CaseRequests.golden(CaseRequests.anotherRamqOfMarie()));
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
    void neverFailsServerSideAndRejectsWithoutATrace(@ForAll Endpoint endpoint, @ForAll("mutations") Mutation mutation) {
        byte[] body = mutation.applyTo(endpoint.valid.get());
        long casesBefore = fuzzCases();
        String caseId = endpoint.caseId();
        long eventsRaisedBefore = caseId == null ? 0 : eventsRaised(caseId);
        int historyBefore = caseId == null ? 0 : history(caseId);

        HttpResponse<String> response = send(endpoint.method, endpoint.path(), body);

        int status = response.statusCode();
        synchronized (statuses) {
            statuses.merge(status, 1, Integer::sum);
        }
        assertThat(status).as("%s %s answered %s", endpoint, mutation, response.body()).isLessThan(500);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as("%s %s", endpoint, mutation)
                    .startsWith("application/problem+json");
            assertThat(CaseRequests.JSON.readTree(response.body()).get("status").asInt()).isEqualTo(status);
            assertThat(fuzzCases()).as("no case stored for a rejected %s %s", endpoint, mutation).isEqualTo(casesBefore);
            if (caseId != null) {
                assertThat(history(caseId)).as("no update stored for a rejected %s %s", endpoint, mutation).isEqualTo(historyBefore);
                assertThat(eventsRaised(caseId)).as("no event raised for a rejected %s %s", endpoint, mutation)
                        .isEqualTo(eventsRaisedBefore);
            }
        } else if (caseId == null) {
            acceptedOpens.incrementAndGet();
        } else {
            acceptedUpdates.computeIfAbsent(caseId, id -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** How a multipart upload is spoilt: its envelope, its parts, its content. */
    enum Envelope {
        WELL_FORMED, TRUNCATED, WRONG_BOUNDARY, NO_FILE_PART, FILE_PART_UNDER_ANOTHER_NAME, TWO_FILE_PARTS, NOT_MULTIPART, EMPTY_BODY
    }

    /** One upload: content (random bytes, optionally behind an accepted type's magic number), the kind field, part headers. */
    record Upload(Envelope envelope, byte[] content, String magic, String kind, String fileName, String partType, int cut) {

        byte[] body(String boundary) {
            byte[] file = content;
            if (!magic.isEmpty()) {
                byte[] prefix = switch (magic) {
                    case "pdf" -> "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1);
                    case "png" -> new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
                    case "jpeg" -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
                    default -> "GIF89a".getBytes(StandardCharsets.ISO_8859_1);
                };
                file = new byte[prefix.length + content.length];
                System.arraycopy(prefix, 0, file, 0, prefix.length);
                System.arraycopy(content, 0, file, prefix.length, content.length);
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            String written = envelope == Envelope.WRONG_BOUNDARY ? boundary + "x" : boundary;
            if (kind != null) {
                out.writeBytes(("--" + written + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            int fileParts = switch (envelope) {
                case NO_FILE_PART -> 0;
                case TWO_FILE_PARTS -> 2;
                default -> 1;
            };
            String partName = envelope == Envelope.FILE_PART_UNDER_ANOTHER_NAME ? "document" : "file";
            for (int i = 0; i < fileParts; i++) {
                out.writeBytes(("--" + written + "\r\nContent-Disposition: form-data; name=\"" + partName + "\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + partType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(file);
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(("--" + written + "--\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] body = out.toByteArray();
            return switch (envelope) {
                case TRUNCATED -> Arrays.copyOf(body, body.length * cut / 100);
                case EMPTY_BODY -> new byte[0];
                default -> body;
            };
        }

        @Override
        public String toString() {
            return envelope + " magic " + magic + " kind " + kind + " name " + fileName + " type " + partType + " cut " + cut + "% "
                    + content.length + " bytes";
        }
    }

    /**
     * The document endpoint, fuzzed the same way: whatever multipart (or not) body arrives, never a 5xx, every 4xx is
     * problem+json, and a rejected upload stores no file, writes no update and raises no event.
     */
    @Property(tries = TRIES / 2, shrinking = ShrinkingMode.BOUNDED)
    void neverFailsServerSideOnAnUploadAndRejectsWithoutATrace(@ForAll("uploads") Upload upload) {
        long filesBefore = files(target);
        long eventsRaisedBefore = eventsRaised(target);
        int historyBefore = history(target);
        String boundary = "fuzz-" + java.util.UUID.randomUUID();

        HttpResponse<String> response = sendRaw("POST", "/api/cases/" + target + "/documents", upload.body(boundary),
                upload.envelope() == Envelope.NOT_MULTIPART ? "application/json" : "multipart/form-data; boundary=" + boundary);

        int status = response.statusCode();
        synchronized (uploadStatuses) {
            uploadStatuses.merge(status, 1, Integer::sum);
        }
        assertThat(status).as("%s answered %s", upload, response.body()).isLessThan(500);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as("%s", upload).startsWith("application/problem+json");
            assertThat(CaseRequests.JSON.readTree(response.body()).get("status").asInt()).isEqualTo(status);
            assertThat(files(target)).as("no file stored for a rejected %s", upload).isEqualTo(filesBefore);
            assertThat(history(target)).as("no update stored for a rejected %s", upload).isEqualTo(historyBefore);
            assertThat(eventsRaised(target)).as("no event raised for a rejected %s", upload).isEqualTo(eventsRaisedBefore);
        } else {
            assertThat(status).isEqualTo(201);
            assertThat(files(target)).isEqualTo(filesBefore + 1);
            acceptedUpdates.computeIfAbsent(target, id -> new AtomicInteger()).incrementAndGet();
        }
    }

    @Provide
    Arbitrary<Upload> uploads() {
        Arbitrary<String> kinds = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("IMAGING_REPORT", "OPERATIVE_REPORT", "CONSENT_FORM", "OTHER")),
                Tuple.of(1, Arbitraries.of(TRICKY_STRINGS))).injectNull(0.15);
        Arbitrary<Envelope> envelopes = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(Envelope.WELL_FORMED)),
                Tuple.of(7, Arbitraries.of(Envelope.class)));
        Arbitrary<String> partTypes = Arbitraries.of("application/pdf", "image/png", "image/jpeg", "text/plain", "application/json",
                "application/octet-stream", "image/gif", "multipart/mixed", "");
        Arbitrary<String> fileNames = Arbitraries.oneOf(Arbitraries.of("Tremblay_Marie_IRM.pdf", "../../etc/passwd", "a.png", "",
                "\u202Efdp.exe"), Arbitraries.strings().alpha().numeric().ofMaxLength(20));
        return Combinators.combine(envelopes, Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000),
                Arbitraries.of("", "pdf", "png", "jpeg", "gif"), kinds, fileNames, partTypes, Arbitraries.integers().between(0, 99))
                .as(Upload::new);
    }

    /** What reached the broker is exactly what was accepted: no event for any rejected request. */
    @AfterContainer
    static void publishedOnlyWhatWasAcceptedAndStop() {
        try {
            log.info("Answers by status: {}; to uploads: {}", statuses, uploadStatuses);
            assertThat(uploadStatuses.keySet()).as("the uploads were accepted and refused in several ways: %s", uploadStatuses)
                    .contains(201, 400, 415);
            int tried = statuses.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(statuses.getOrDefault(400, 0)).as("the generator mostly makes bad requests: %s", statuses).isGreaterThan(tried / 2);
            assertThat(fuzzCases()).isEqualTo(2 + acceptedOpens.get());
            for (String caseId : List.of(target, closingTarget)) {
                int accepted = acceptedUpdates.getOrDefault(caseId, new AtomicInteger()).get();
                assertThat(history(caseId)).isEqualTo(accepted);
                await().atMost(Duration.ofSeconds(20)).until(() -> eventsOnTheTopic(caseId) == 1 + accepted);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> fuzzCasesOpenedOnTheTopic() == 2 + acceptedOpens.get());
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> fuzzCasesOpenedOnTheTopic() == 2 + acceptedOpens.get());
        } finally {
            service.close();
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        Arbitrary<String> fields = Arbitraries.oneOf(Arbitraries.of(FORBIDDEN),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12));
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 1_000), jsonValues(), fields,
                Arbitraries.integers().between(0, 99), Arbitraries.bytes().array(byte[].class).ofMaxSize(200)).as(Mutation::new);
    }

    static Arbitrary<JsonNode> jsonValues() {
        return Arbitraries.recursive(MalformedRequestsIT::scalars, values -> Arbitraries.frequencyOf(
                Tuple.of(3, scalars()),
                Tuple.of(1, values.list().ofMaxSize(3).map(MalformedRequestsIT::array)),
                Tuple.of(1, Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(FORBIDDEN), Arbitraries.strings().alpha().ofLength(3)),
                        values).ofMaxSize(3).map(MalformedRequestsIT::object))), 0, 2);
    }

    static Arbitrary<JsonNode> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(NODES.nullNode())),
                Tuple.of(1, Arbitraries.of(true, false).map(NODES::booleanNode)),
                Tuple.of(2, Arbitraries.integers().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.of(NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(new BigInteger("1" + "0".repeat(40))),
                        NODES.numberNode(1e308), NODES.numberNode(-0.0), NODES.numberNode(new BigDecimal("1e-400")),
                        NODES.numberNode(0.5))),
                Tuple.of(4, Arbitraries.of(TRICKY_STRINGS).map(NODES::stringNode)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40).map(NODES::stringNode)));
    }

    private static JsonNode array(List<JsonNode> elements) {
        ArrayNode array = NODES.arrayNode();
        elements.forEach(array::add);
        return array;
    }

    private static JsonNode object(Map<String, JsonNode> properties) {
        ObjectNode object = NODES.objectNode();
        properties.forEach(object::set);
        return object;
    }

    private static void collectSlots(JsonNode node, JsonNode value, List<Runnable> slots) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                slots.add(() -> object.set(name, value));
                collectSlots(object.get(name), value, slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                slots.add(() -> array.set(index, value));
                collectSlots(array.get(i), value, slots);
            }
        }
    }

    private static void collectRemovals(JsonNode node, List<Runnable> removals) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                removals.add(() -> object.remove(name));
                collectRemovals(object.get(name), removals);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> collectRemovals(element, removals));
        }
    }

    private static String opened(ObjectNode request) {
        HttpResponse<String> response = send("POST", "/api/cases",
                request.put("referringClinicId", FUZZ_CLINIC).toString().getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return CaseRequests.JSON.readTree(response.body()).get("caseId").asString();
    }

    private static long files(String caseId) {
        return mongo.getCollection("case-documents.files").countDocuments(new Document("metadata.caseId", caseId));
    }

    private static long fuzzCases() {
        return mongo.count(Query.query(Criteria.where("clinicId").is(FUZZ_CLINIC)), "cases");
    }

    private static int history(String caseId) {
        Document stored = mongo.findById(caseId, Document.class, "cases");
        return stored == null || stored.get("history") == null ? 0 : stored.getList("history", Document.class).size();
    }

    /** How many events the case has ever raised (the outbox sequence): unchanged means nothing will be published. */
    private static long eventsRaised(String caseId) {
        Document stored = mongo.findById(caseId, Document.class, "cases");
        return stored == null ? 0 : ((Number) stored.get("lastEventSequence")).longValue();
    }

    private static long eventsOnTheTopic(String caseId) {
        return TopicProbe.readAll(kafka, Topics.INTAKE, record -> caseId.equals(record.key())).size();
    }

    private static long fuzzCasesOpenedOnTheTopic() {
        return TopicProbe.readAll(kafka, Topics.INTAKE).stream().map(record -> EventCodec.read(record.value()))
                .filter(envelope -> envelope.type().equals(EventCatalog.CASE_OPENED.name()))
                .map(envelope -> EventCodec.payload(envelope, EventCatalog.CASE_OPENED))
                .filter(opened -> opened.clinicId().equals(FUZZ_CLINIC)).count();
    }

    private static HttpResponse<String> send(String method, String path, byte[] body) {
        return sendRaw(method, path, body, "application/json");
    }

    private static HttpResponse<String> sendRaw(String method, String path, byte[] body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", TestTokens.bearer(token))
                .header("Content-Type", contentType).header("Accept", "application/json, application/problem+json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
