package ca.passerelle.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.intake.DocumentAttached;
import ca.passerelle.events.intake.DocumentKind;
import ca.passerelle.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Documents in GridFS (on the MongoDB wire-protocol server the build starts): type from the content (415 otherwise), 20 MB
 * at most (413), SHA-256 of the bytes on the event and in the store, the same bytes back to the owning clinic and coordinators
 * only, no file name anywhere, the bytes sealed at rest.
 */
class CaseDocumentsIT extends IntakeHttp {

    private static final String MARKER = "Rapport IRM de Marie Tremblay";

    @Autowired
    MongoTemplate mongo;

    /** A small PDF whose text names the patient (as real reports do). */
    static byte[] aPdf() {
        return ("%PDF-1.7\n1 0 obj << /Title (" + MARKER + ") >> endobj\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] aPng(int size) {
        byte[] png = new byte[size];
        new Random(42).nextBytes(png);
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, png, 0, magic.length);
        return png;
    }

    @Test
    void storesTheDocumentWithItsSha256AndGivesTheSameBytesBackToTheOwningClinicAndCoordinators() throws Exception {
        String caseId = openedCase();
        byte[] pdf = aPdf();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));

        HttpResponse<String> uploaded = upload("/api/cases/" + caseId + "/documents", pdf, "Tremblay_Marie_IRM.png", "image/png",
                "IMAGING_REPORT", TestTokens.clinic(LAVAL));

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String documentId = json(uploaded).get("resourceId").asString();
        assertThat(documentId).matches("d-[0-9a-f-]{36}");
        assertThat(uploaded.headers().firstValue("Location")).contains("/api/cases/" + caseId + "/documents/" + documentId);

        await().atMost(Duration.ofSeconds(20)).until(() -> intakeEventsFor(caseId).size() == 2);
        EventEnvelope envelope = EventCodec.read(intakeEventsFor(caseId).get(1).value());
        DocumentAttached attached = EventCodec.payload(envelope, EventCatalog.DOCUMENT_ATTACHED);
        assertThat(attached.documentId()).isEqualTo(documentId);
        assertThat(attached.sha256()).isEqualTo(sha256);
        assertThat(attached.mediaType()).as("from the content, not the name or part type").isEqualTo("application/pdf");
        assertThat(attached.sizeBytes()).isEqualTo(pdf.length);
        assertThat(attached.kind()).isEqualTo(DocumentKind.IMAGING_REPORT);
        assertThat(new String(intakeEventsFor(caseId).get(1).value(), StandardCharsets.UTF_8)).doesNotContain("Tremblay", "IRM");

        Document file = mongo.getCollection("case-documents.files").find(new Document("_id", documentId)).first();
        assertThat(file).isNotNull();
        assertThat(file.get("metadata", Document.class).getString("sha256")).isEqualTo(sha256);
        assertThat(file.toJson()).doesNotContain("Tremblay", "IRM", ".png");
        List<Document> chunks = mongo.getCollection("case-documents.chunks").find(new Document("files_id", documentId))
                .into(new java.util.ArrayList<>());
        assertThat(chunks).isNotEmpty();
        byte[] stored = ((Binary) chunks.get(0).get("data")).getData();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).as("sealed at rest").doesNotContain("Tremblay", "%PDF");
        assertThat(json(get("/api/cases/" + caseId)).get("documents").get(0).get("sha256").asString()).isEqualTo(sha256);

        for (String token : List.of(TestTokens.clinic(LAVAL), TestTokens.coordinator())) {
            HttpResponse<byte[]> download = download("/api/cases/" + caseId + "/documents/" + documentId, token);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(pdf);
            assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body()))).isEqualTo(sha256);
        }
    }

    @Test
    void answersAnotherClinicExactlyAsIfTheCaseOrDocumentDidNotExist() {
        String caseId = openedCase();
        String documentId = json(upload("/api/cases/" + caseId + "/documents", aPdf(), "a.pdf", "application/pdf", "OTHER",
                TestTokens.clinic(LAVAL))).get("resourceId").asString();

        HttpResponse<byte[]> foreign = download("/api/cases/" + caseId + "/documents/" + documentId, TestTokens.clinic(MONTREAL));
        HttpResponse<byte[]> unknown = download("/api/cases/" + caseId + "/documents/d-" + UUID.randomUUID(), TestTokens.clinic(LAVAL));
        HttpResponse<String> foreignUpload = upload("/api/cases/" + caseId + "/documents", aPdf(), "a.pdf", "application/pdf", "OTHER",
                TestTokens.clinic(MONTREAL));

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(new String(foreign.body(), StandardCharsets.UTF_8)).doesNotContain(MARKER, "%PDF");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(foreignUpload.statusCode()).isEqualTo(404);
        assertThat(download("/api/cases/" + caseId + "/documents/" + documentId, TestTokens.specialist()).statusCode()).isEqualTo(403);
        assertThat(mongo.getCollection("case-documents.files").countDocuments(new Document("metadata.caseId", caseId))).isEqualTo(1);
    }

    @Test
    void refusesContentThatIsNotPdfJpegOrPngWhateverItsNameSays() {
        String caseId = openedCase();
        long filesBefore = mongo.getCollection("case-documents.files").countDocuments();

        HttpResponse<String> text = upload("/api/cases/" + caseId + "/documents", "Marie Tremblay, notes".getBytes(StandardCharsets.UTF_8),
                "rapport.pdf", "application/pdf", "OTHER", TestTokens.clinic(LAVAL));
        byte[] gif = "GIF89a....".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> image = upload("/api/cases/" + caseId + "/documents", gif, "scan.png", "image/png", "OTHER",
                TestTokens.clinic(LAVAL));

        for (HttpResponse<String> refused : List.of(text, image)) {
            assertThat(refused.statusCode()).isEqualTo(415);
            assertThat(contentType(refused)).startsWith("application/problem+json");
            assertThat(json(refused).get("type").asString()).endsWith("/unsupported-document-type");
            assertThat(refused.body()).doesNotContain("Tremblay", "rapport.pdf", "scan.png");
        }
        assertThat(mongo.getCollection("case-documents.files").countDocuments()).isEqualTo(filesBefore);
        assertThat(intakeEventsFor(caseId)).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void refusesADocumentAbove20MegabytesAndAcceptsOneOfExactly20() {
        String caseId = openedCase();
        long filesBefore = mongo.getCollection("case-documents.files").countDocuments();

        HttpResponse<String> oversize = upload("/api/cases/" + caseId + "/documents", aPng(20 * 1024 * 1024 + 1), "big.png", "image/png",
                "IMAGING_REPORT", TestTokens.clinic(LAVAL));

        assertThat(oversize.statusCode()).isEqualTo(413);
        assertThat(contentType(oversize)).startsWith("application/problem+json");
        assertThat(json(oversize).get("type").asString()).endsWith("/document-too-large");
        assertThat(mongo.getCollection("case-documents.files").countDocuments()).isEqualTo(filesBefore);

        byte[] limit = aPng(20 * 1024 * 1024);
        HttpResponse<String> accepted = upload("/api/cases/" + caseId + "/documents", limit, "ok.png", "image/png", "IMAGING_REPORT",
                TestTokens.clinic(LAVAL));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        String documentId = json(accepted).get("resourceId").asString();
        HttpResponse<byte[]> back = download("/api/cases/" + caseId + "/documents/" + documentId, TestTokens.clinic(LAVAL));
        assertThat(Arrays.equals(back.body(), limit)).isTrue();
    }

    @Test
    void storesARetriedUploadOnceAndRefusesItsKeyForOtherContent() {
        String caseId = openedCase();
        String key = "upload-" + UUID.randomUUID();
        String path = "/api/cases/" + caseId + "/documents";

        HttpResponse<String> first = upload(path, aPdf(), "a.pdf", "application/pdf", "CONSULTATION_NOTE", TestTokens.clinic(LAVAL), key);
        HttpResponse<String> retry = upload(path, aPdf(), "b.pdf", "application/pdf", "CONSULTATION_NOTE", TestTokens.clinic(LAVAL), key);
        HttpResponse<String> other = upload(path, aPng(64), "a.png", "image/png", "CONSULTATION_NOTE", TestTokens.clinic(LAVAL), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(json(retry).get("resourceId")).isEqualTo(json(first).get("resourceId"));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json(other).get("rule").asString()).isEqualTo("idempotency-key-reused");
        assertThat(mongo.getCollection("case-documents.files").countDocuments(new Document("metadata.caseId", caseId))).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> intakeEventsFor(caseId).size() == 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> intakeEventsFor(caseId).size() == 2);
    }

    /** A multipart body cut short or whose boundary never closes is the client's error (400), not a server failure. */
    @Test
    void refusesAMultipartBodyThatDoesNotParseAsABadRequest() {
        String caseId = openedCase();
        String path = "/api/cases/" + caseId + "/documents";
        String boundary = "cut-" + UUID.randomUUID();
        byte[] whole = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nOTHER\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                + new String(aPdf(), StandardCharsets.ISO_8859_1) + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);

        List<HttpResponse<String>> refused = List.of(
                postRaw(path, Arrays.copyOf(whole, whole.length / 3), "multipart/form-data; boundary=" + boundary, TestTokens.clinic(LAVAL)),
                postRaw(path, whole, "multipart/form-data; boundary=" + boundary + "-other", TestTokens.clinic(LAVAL)),
                postRaw(path, new byte[0], "multipart/form-data; boundary=" + boundary, TestTokens.clinic(LAVAL)));

        for (HttpResponse<String> response : refused) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(contentType(response)).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain(MARKER, "%PDF");
        }
        assertThat(mongo.getCollection("case-documents.files").countDocuments(new Document("metadata.caseId", caseId))).isZero();
        assertThat(mongo.findById(caseId, Document.class, "cases").get("history")).isNull();
        assertThat(postRaw(path, whole, "multipart/form-data; boundary=" + boundary, TestTokens.clinic(LAVAL)).statusCode())
                .as("the same body whole").isEqualTo(201);
    }

    @Test
    void refusesAnUnknownKindAsAFieldErrorWithoutEchoingIt() {
        String caseId = openedCase();

        HttpResponse<String> kind = upload("/api/cases/" + caseId + "/documents", aPdf(), "a.pdf", "application/pdf", "TREMBLAY_REPORT",
                TestTokens.clinic(LAVAL));

        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(contentType(kind)).startsWith("application/problem+json");
        JsonNode errors = json(kind).get("errors");
        assertThat(errors.get(0).get("field").asString()).isEqualTo("kind");
        assertThat(kind.body()).doesNotContain("TREMBLAY");
    }
}
