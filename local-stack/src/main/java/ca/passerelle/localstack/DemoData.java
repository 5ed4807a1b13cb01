package ca.passerelle.localstack;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Demo cases for the local run, opened through the public APIs like a clinic would. Idempotency keys make a restart
 * find the same cases instead of duplicating them.
 */
public final class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    static final ZoneId QUEBEC = ZoneId.of("America/Toronto");
    /** The clinic's own words; they stay encrypted in intake-service, events carry codes (ADR 0006). */
    static final String OPERATIVE_NOTE = "Discectomie L4-L5 par voie postérieure";
    static final String FINDINGS_SUMMARY = "Fibrose épidurale et sténose foraminale L4-L5";

    private final PathwayClient client;

    DemoData(LocalStack stack) {
        this(new PathwayClient(stack));
    }

    /** Demo steps taken through {@code client}, e.g. one that continues a case's trace ({@link PathwayClient#inTrace}). */
    DemoData(PathwayClient client) {
        this.client = client;
    }

    /** A patient as a referring clinic describes them. */
    public record Patient(String familyName, String firstName, String dateOfBirth, String sex, String ramq, String region) {
    }

    static final Patient MARIE = new Patient("Tremblay", "Marie", "1974-03-12", "F", "TREM 7453 1214", "QC-13");
    static final Patient JEAN = new Patient("Gagnon", "Jean", "1968-11-05", "M", "GAGJ 6811 0518", "QC-06");
    static final Patient SOPHIE = new Patient("Roy", "Sophie", "1981-07-23", "F", "ROYS 8157 2311", "QC-03");
    static final Patient LUC = new Patient("Côté", "Luc", "1959-02-28", "M", "COTL 5902 2817", "QC-06");

    void seed(PrintStream out) {
        try {
            String operated = client.openCase(caseRequest(MARIE, List.of(), 180), "demo-case-tremblay").path("caseId").asString();
            String awaiting = client.openCase(caseRequest(JEAN, List.of(), 150), "demo-case-gagnon").path("caseId").asString();
            String urgent = client.openCase(caseRequest(SOPHIE, List.of("CAUDA_EQUINA"), 120), "demo-case-roy").path("caseId").asString();
            String insufficient = client.openCase(caseRequest(LUC, List.of(), 45), "demo-case-cote").path("caseId").asString();
            driveToRehabilitation(operated);
            String followUp = reportWorseningPain(operated) ? " with a worsening follow-up alert" : "";
            out.printf("Demo cases: %s (rehabilitation%s), %s (awaiting evaluation), %s (urgent referral), %s (conservative care insufficient)%n",
                    operated, followUp, awaiting, urgent, insufficient);
        } catch (RuntimeException e) {
            log.warn("Demo data incomplete: {}", e.getMessage());
        }
    }

    /** Takes an opened case through evaluation, scheduling, hospital confirmation and surgery to its rehabilitation plan. */
    JsonNode driveToRehabilitation(String caseId) {
        JsonNode assessment = PathwayClient.await("assessment of " + caseId, () -> client.assessment(caseId),
                node -> !node.path("status").asString().isEmpty(), STEP_TIMEOUT);
        if ("AWAITING_EVALUATION".equals(assessment.path("status").asString())) {
            client.evaluate(caseId, "SIMPLE_DECOMPRESSION", "EPIDURAL_FIBROSIS",
                    "Compression radiculaire L4-L5 persistante, pas d'instabilité");
        }
        JsonNode booking = PathwayClient.await("booking of " + caseId, () -> client.booking(caseId),
                node -> List.of("AWAITING_HOSPITAL_CONFIRMATION", "SCHEDULED", "COMPLETED").contains(node.path("status").asString()),
                STEP_TIMEOUT);
        String appointmentId = booking.path("appointment").path("appointmentId").asString();
        String hospitalId = booking.path("appointment").path("hospitalId").asString();
        if ("AWAITING_HOSPITAL_CONFIRMATION".equals(booking.path("status").asString())) {
            client.confirmAppointment(hospitalId, appointmentId);
            booking = PathwayClient.await("scheduled surgery of " + caseId, () -> client.booking(caseId),
                    PathwayClient.field("status", "SCHEDULED"), STEP_TIMEOUT);
        }
        if ("SCHEDULED".equals(booking.path("status").asString())) {
            // A hospital reports a surgery only once performed (a date in the future is refused): in the demo the hospital
            // moves the booked surgery to today, which also exercises the reschedule path and the travel plan's recomputation.
            LocalDate today = LocalDate.now(QUEBEC);
            if (!today.toString().equals(booking.path("appointment").path("surgeryOn").asString())) {
                client.rescheduleAppointment(hospitalId, appointmentId, today.toString());
            }
            client.completeSurgery(hospitalId, appointmentId, today.toString(), today.plusDays(3).toString());
        }
        return PathwayClient.await("rehabilitation plan of " + caseId, () -> client.rehabPlan(caseId), node -> true, STEP_TIMEOUT);
    }

    /**
     * The rehabilitation clinic assigned to the case (by the patient's region) reports pain and disability worse than
     * before surgery, which raises a follow-up alert for the coordinators. Skipped when a report already exists (a restart).
     */
    boolean reportWorseningPain(String caseId) {
        JsonNode plan = PathwayClient.await("rehabilitation clinic of " + caseId, () -> client.rehabPlan(caseId),
                node -> !node.path("rehabClinicId").asString().isEmpty(), STEP_TIMEOUT);
        String rehabClinic = plan.path("rehabClinicId").asString();
        if (client.followUps(caseId).map(reports -> reports.size() > 0).orElse(false)) {
            return true;
        }
        client.postFollowUp(rehabClinic, caseId, LocalDate.now(QUEBEC).toString(), 9, new int[] {4, 4, 3, 4, 3, 4, 3, 3, 3, 3});
        return true;
    }

    PathwayClient client() {
        return client;
    }

    /** The body a clinic posts to open a case, with conservative care that lasted {@code careDays} days until last week. */
    public static String caseRequest(Patient patient, List<String> redFlags, int careDays) {
        LocalDate today = LocalDate.now();
        LocalDate careEnded = today.minusDays(7);
        LocalDate careStarted = careEnded.minusDays(careDays);
        ObjectNode body = JSON.createObjectNode();
        body.put("referringClinicId", "clinic-qc-laval-01");
        body.putObject("patient")
                .put("familyNameAtBirth", patient.familyName())
                .put("firstName", patient.firstName())
                .put("dateOfBirth", patient.dateOfBirth())
                .put("sex", patient.sex())
                .put("ramqNumber", patient.ramq())
                .put("phone", "+1-450-555-0101")
                .put("email", patient.firstName().toLowerCase() + "@example.org")
                .put("preferredLanguage", "fr")
                .put("homeRegion", patient.region());
        body.putObject("diagnosis").put("icd10Code", "M96.1").put("description", "Syndrome d'échec de la chirurgie du dos");
        body.putArray("priorSurgeries").addObject()
                .put("performedOn", today.minusYears(3).toString()).put("procedure", "DISCECTOMY").put("levels", "L4-L5")
                .put("operativeNote", OPERATIVE_NOTE);
        ObjectNode symptoms = body.putObject("symptoms").put("painNrs", 7);
        ArrayNode odi = symptoms.putArray("odiSectionScores");
        for (int score : new int[] {3, 3, 2, 3, 2, 3, 2, 2, 2, 2}) {
            odi.add(score);
        }
        ArrayNode flags = body.putArray("redFlags");
        redFlags.forEach(flags::add);
        ObjectNode imaging = body.putArray("imaging").addObject()
                .put("modality", "MRI_GADOLINIUM").put("performedOn", today.minusDays(30).toString()).put("levels", "L4-L5")
                .put("findingsSummary", FINDINGS_SUMMARY);
        imaging.putArray("findings").add("EPIDURAL_FIBROSIS").add("FORAMINAL_STENOSIS").add("NERVE_ROOT_COMPRESSION");
        ArrayNode care = body.putArray("conservativeCare");
        care.addObject().put("modality", "PHYSIOTHERAPY").put("startedOn", careStarted.toString()).put("endedOn", careEnded.toString())
                .put("sessions", Math.max(6, careDays / 7)).put("supervised", true);
        care.addObject().put("modality", "NEUROVERTEBRAL_DECOMPRESSION").put("startedOn", careStarted.plusDays(careDays / 3).toString())
                .put("endedOn", careEnded.toString()).put("sessions", Math.max(4, careDays / 14)).put("supervised", true);
        ObjectNode consents = body.putObject("consents");
        String consentedAt = today.minusDays(1) + "T14:00:00Z";
        consents.putObject("careCoordination").put("granted", true).put("recordedAt", consentedAt).put("method", "WRITTEN").put("textVersion", "2026-01");
        consents.putObject("crossBorderCommunication").put("granted", true).put("recordedAt", consentedAt).put("method", "WRITTEN").put("textVersion", "2026-01");
        consents.putObject("research").put("granted", false).put("recordedAt", consentedAt).put("method", "WRITTEN").put("textVersion", "2026-01");
        return body.toString();
    }
}
