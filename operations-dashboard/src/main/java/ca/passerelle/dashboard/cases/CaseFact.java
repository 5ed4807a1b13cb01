package ca.passerelle.dashboard.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import ca.passerelle.events.rehab.RehabPhase;

/**
 * What one case event means for the summary, kept in the summary with its timeline entry so that the summary is always
 * the fold of its facts in event-time order ({@link CaseSummary}): whatever order the events arrive in, the same set of
 * events gives the same summary. Every attribute but the entry is optional (null: the event says nothing about it).
 *
 * @param stage the stage the event moves the case to, or null when the event does not move it
 * @param status French sentence describing the case after the event; set with the stage
 * @param terminalReason set when the event ends the case (then the stage is {@link Stage#CLOSED})
 * @param terminalDetail the producer's code behind the terminal reason (closure reason…), when it has one
 * @param crossBorderConsent the consent to health information leaving Québec, as in force after the event
 * @param redFlag true when the event reports a red flag
 * @param missingCare what assessment found missing in the conservative care (French sentences)
 * @param eligibleOn the earliest date conservative care can be sufficient
 * @param offeredOptions how many hospital options were offered
 * @param surgeryOn the surgery date the event sets (held, scheduled, rescheduled or performed)
 * @param surgeryCancelled true when the event cancels the surgery scheduling
 * @param surgeryDone true when the surgery was performed
 * @param travelStatus the travel plan's status ({@code IN_PREPARATION}, {@code READY}, {@code CANCELLED})
 * @param missingDocuments how many travel documents are missing
 * @param careFrom first day of conservative care the event documents
 * @param careTo last day of conservative care the event documents
 */
public record CaseFact(
        String caseId,
        TimelineEntry entry,
        Stage stage,
        String status,
        TerminalReason terminalReason,
        String terminalDetail,
        String clinicId,
        Instant openedAt,
        String hospitalId,
        Boolean crossBorderConsent,
        Boolean redFlag,
        List<String> missingCare,
        LocalDate eligibleOn,
        Integer offeredOptions,
        LocalDate surgeryOn,
        Boolean surgeryCancelled,
        Boolean surgeryDone,
        RehabPhase rehabPhase,
        String travelStatus,
        Integer missingDocuments,
        Alert alert,
        Measurement measurement,
        LocalDate careFrom,
        LocalDate careTo) {

    public CaseFact {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(entry, "entry");
        if ((stage == null) != (status == null)) {
            throw new IllegalArgumentException("a fact that moves the case says its status, and only such a fact");
        }
        if ((terminalReason != null) != (stage == Stage.CLOSED)) {
            throw new IllegalArgumentException("a terminal fact, and only a terminal fact, closes the case");
        }
        missingCare = missingCare == null ? null : List.copyOf(missingCare);
    }

    public Instant at() {
        return entry.at();
    }

    public boolean terminal() {
        return terminalReason != null;
    }

    public boolean movesTheCase() {
        return stage != null;
    }

    static Builder of(String caseId, TimelineEntry entry) {
        return new Builder(caseId, entry);
    }

    /** Builds a fact attribute by attribute; what is not set stays null. */
    static final class Builder {

        private final String caseId;
        private final TimelineEntry entry;
        private Stage stage;
        private String status;
        private TerminalReason terminalReason;
        private String terminalDetail;
        private String clinicId;
        private Instant openedAt;
        private String hospitalId;
        private Boolean crossBorderConsent;
        private Boolean redFlag;
        private List<String> missingCare;
        private LocalDate eligibleOn;
        private Integer offeredOptions;
        private LocalDate surgeryOn;
        private Boolean surgeryCancelled;
        private Boolean surgeryDone;
        private RehabPhase rehabPhase;
        private String travelStatus;
        private Integer missingDocuments;
        private Alert alert;
        private Measurement measurement;
        private LocalDate careFrom;
        private LocalDate careTo;

        private Builder(String caseId, TimelineEntry entry) {
            this.caseId = caseId;
            this.entry = entry;
        }

        Builder moves(Stage newStage, String newStatus) {
            this.stage = newStage;
            this.status = newStatus;
            return this;
        }

        Builder closes(TerminalReason reason, String detail, String newStatus) {
            this.stage = Stage.CLOSED;
            this.status = newStatus;
            this.terminalReason = reason;
            this.terminalDetail = detail;
            return this;
        }

        Builder opened(String clinic, Instant at) {
            this.clinicId = clinic;
            this.openedAt = at;
            return this;
        }

        Builder hospital(String hospital) {
            this.hospitalId = hospital;
            return this;
        }

        Builder crossBorderConsent(boolean given) {
            this.crossBorderConsent = given;
            return this;
        }

        Builder redFlag() {
            this.redFlag = true;
            return this;
        }

        Builder missingCare(List<String> missing, LocalDate eligible) {
            this.missingCare = missing;
            this.eligibleOn = eligible;
            return this;
        }

        Builder offeredOptions(int count) {
            this.offeredOptions = count;
            return this;
        }

        Builder surgeryOn(LocalDate date) {
            this.surgeryOn = date;
            return this;
        }

        Builder surgeryCancelled() {
            this.surgeryCancelled = true;
            return this;
        }

        Builder surgeryDone() {
            this.surgeryDone = true;
            return this;
        }

        Builder rehabPhase(RehabPhase phase) {
            this.rehabPhase = phase;
            return this;
        }

        Builder travel(String planStatus, int missing) {
            this.travelStatus = planStatus;
            this.missingDocuments = missing;
            return this;
        }

        Builder alert(Alert changed) {
            this.alert = changed;
            return this;
        }

        Builder measurement(Measurement measured) {
            this.measurement = measured;
            return this;
        }

        Builder care(LocalDate from, LocalDate to) {
            this.careFrom = from;
            this.careTo = to;
            return this;
        }

        CaseFact build() {
            return new CaseFact(caseId, entry, stage, status, terminalReason, terminalDetail, clinicId, openedAt, hospitalId,
                    crossBorderConsent, redFlag, missingCare, eligibleOn, offeredOptions, surgeryOn, surgeryCancelled,
                    surgeryDone, rehabPhase, travelStatus, missingDocuments, alert, measurement, careFrom, careTo);
        }
    }
}
