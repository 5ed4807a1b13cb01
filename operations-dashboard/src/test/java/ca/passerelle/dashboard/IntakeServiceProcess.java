package ca.passerelle.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ca.passerelle.events.EventCodec;
import ca.passerelle.testinfra.TestInfrastructure;
import ca.passerelle.testinfra.TestIssuer;
import ca.passerelle.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Test helper: the intake service (module {@code intake-service}) started from its jar as its own process
 * ({@link ApplicationProcess}) on the test's real Kafka broker and MongoDB server (a fresh database of its own), trusting the
 * {@link TestIssuer}'s tokens, as local-stack runs it (its committed demo keysets seal the patient's identifiers). A
 * clinic opens a case through its HTTP API; intake publishes {@code CaseOpened} through its outbox relay on
 * {@code passerelle.intake.case-events.v1}, the topic the dashboard consumes. The reactor builds intake before the
 * dashboard; alone, build it first ({@code ./mvnw -pl intake-service package -DskipTests}).
 */
final class IntakeServiceProcess implements AutoCloseable {

    /** The demo referring clinic (local-stack's); the clinic's token names it. */
    static final String CLINIC = "clinic-qc-laval-01";

    private final ApplicationProcess process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private boolean up;

    private IntakeServiceProcess(ApplicationProcess process) {
        this.process = process;
    }

    /** Launches intake and returns at once: it starts while the rest of the test starts; the first call waits for it. */
    static IntakeServiceProcess launch() throws IOException {
        TestInfrastructure.Servers servers = TestInfrastructure.servers();
        return new IntakeServiceProcess(ApplicationProcess.launch("intake-service", List.of(
                "--spring.kafka.bootstrap-servers=" + servers.kafkaBootstrapServers(),
                "--spring.cloud.stream.kafka.binder.brokers=" + servers.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + servers.mongoUri("intake-service-browser-test-" + UUID.randomUUID()),
                "--passerelle.security.issuer=" + TestIssuer.get().issuer())));
    }

    /**
     * {@code POST /api/cases} as the clinic (its own token, a fresh idempotency key) with a complete, valid referral of a
     * fictitious patient; returns the case id of the 201 answer.
     */
    String openCaseAsClinic() throws IOException, InterruptedException {
        if (!up) {
            process.awaitUp();
            up = true;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(process.url() + "/api/cases")).timeout(Duration.ofSeconds(30))
                .header("Authorization", TestTokens.bearer(TestTokens.clinic(CLINIC)))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", "browser-test-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(referral(LocalDate.now()))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new AssertionError("intake answered " + response.statusCode() + " to POST /api/cases: " + response.body());
        }
        JsonNode opened = EventCodec.mapper().readTree(response.body());
        return opened.get("caseId").asString();
    }

    /** The referral local-stack's demo posts: a failed-back-surgery case, care until last week, all consents but research. */
    private static String referral(LocalDate today) {
        LocalDate careEnded = today.minusDays(7);
        LocalDate careStarted = careEnded.minusDays(180);
        String consented = today.minusDays(1) + "T14:00:00Z";
        String consent = "{\"granted\": %s, \"recordedAt\": \"" + consented + "\", \"method\": \"WRITTEN\", \"textVersion\": \"2026-01\"}";
        return """
                {
                  "referringClinicId": "%s",
                  "patient": {"familyNameAtBirth": "Tremblay", "firstName": "Marie", "dateOfBirth": "1974-03-12", "sex": "F",
                              "ramqNumber": "TREM 7453 1214", "phone": "+1-450-555-0101", "email": "marie@example.org",
                              "preferredLanguage": "fr", "homeRegion": "QC-13"},
                  "diagnosis": {"icd10Code": "M96.1", "description": "Syndrome d'échec de la chirurgie du dos"},
                  "priorSurgeries": [{"performedOn": "%s", "procedure": "DISCECTOMY", "levels": "L4-L5",
                                      "operativeNote": "Discectomie L4-L5 par voie postérieure"}],
                  "symptoms": {"painNrs": 7, "odiSectionScores": [3, 3, 2, 3, 2, 3, 2, 2, 2, 2]},
                  "redFlags": [],
                  "imaging": [{"modality": "MRI_GADOLINIUM", "performedOn": "%s", "levels": "L4-L5",
                               "findings": ["EPIDURAL_FIBROSIS", "FORAMINAL_STENOSIS"],
                               "findingsSummary": "Fibrose épidurale L4-L5, sténose foraminale gauche"}],
                  "conservativeCare": [
                    {"modality": "PHYSIOTHERAPY", "startedOn": "%s", "endedOn": "%s", "sessions": 24, "supervised": true},
                    {"modality": "NEUROVERTEBRAL_DECOMPRESSION", "startedOn": "%s", "endedOn": "%s", "sessions": 12, "supervised": true}
                  ],
                  "consents": {"careCoordination": %s, "crossBorderCommunication": %s, "research": %s}
                }
                """.formatted(CLINIC, today.minusYears(3), today.minusDays(30), careStarted, careEnded, careStarted.plusDays(60),
                careEnded, consent.formatted("true"), consent.formatted("true"), consent.formatted("false"));
    }

    @Override
    public void close() {
        process.close();
    }
}
