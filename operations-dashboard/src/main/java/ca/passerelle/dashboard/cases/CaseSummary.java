package ca.passerelle.dashboard.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import ca.passerelle.events.rehab.AlertSeverity;
import ca.passerelle.events.rehab.RehabPhase;
import ca.passerelle.platform.messaging.AggregateDocument;

/**
 * One case as coordinators see it, in one document so that applying an event (and remembering its id) is one
 * single-document write.
 * <p>
 * <b>Any order, same result.</b> The document keeps every fact of the case ({@link CaseFact}, with its timeline entry)
 * sorted in event-time order ({@link TimelineEntry#CHRONOLOGICAL}: time, then source, sequence and id — a total order),
 * and every other field is the fold of those facts, recomputed on each new event. So the summary depends only on the
 * set of events received, never on their arrival order: an older event that arrives late is folded in at its place
 * and never overwrites what a newer one set, and a rebuild from the topics gives the same document.
 * <ul>
 * <li>stage and status: those of the newest fact that moves the case; {@code stageSince} is when the case entered
 * that stage (a fact re-entering the same stage does not reset it);</li>
 * <li>terminal: the earliest terminal fact closes the case and gives the reason; nothing after it moves the case;</li>
 * <li>hospital, surgery date, travel plan, consent, rehabilitation phase: the newest fact that says something about
 * them;</li>
 * <li>alerts: raising and acknowledgement merged per alert id, in either order;</li>
 * <li>the urgent-referral alert: raised by the {@code UrgentReferralRequired} fact (once, whatever the duplicates, as
 * the alert id is the same), acknowledged by the coordinator's {@link UrgentReferralAcknowledgement} — the one piece of
 * state that is not a fact: kept apart from the facts (so a refold never loses it) and in its own collection too (so a
 * rebuild, which starts from empty summaries, reads it back).</li>
 * </ul>
 * The indexes serve the case list's filters (each with the most-recent-movement order and its keyset), the SLA queries
 * (stage and time in stage) and the work queues.
 */
@Document("case-summaries")
@CompoundIndex(name = "lastEventAt_id", def = "{'lastEventAt': -1, '_id': 1}")
@CompoundIndex(name = "stage_lastEventAt_id", def = "{'stage': 1, 'lastEventAt': -1, '_id': 1}")
@CompoundIndex(name = "clinic_lastEventAt_id", def = "{'clinicId': 1, 'lastEventAt': -1, '_id': 1}")
@CompoundIndex(name = "hospital_lastEventAt_id", def = "{'hospitalId': 1, 'lastEventAt': -1, '_id': 1}")
@CompoundIndex(name = "openAlert_lastEventAt_id", def = "{'hasOpenAlert': 1, 'lastEventAt': -1, '_id': 1}")
@CompoundIndex(name = "stage_stageSince", def = "{'stage': 1, 'stageSince': 1}")
@CompoundIndex(name = "stage_travelReady_stageSince", def = "{'stage': 1, 'travelReady': 1, 'stageSince': 1}")
@CompoundIndex(name = "openAlert_rank_stageSince", def = "{'hasOpenAlert': 1, 'openAlertRank': 1, 'stageSince': 1}")
@CompoundIndex(name = "urgentReferralOpen_at_id", def = "{'urgentReferralOpen': 1, 'urgentReferralAt': -1, '_id': 1}")
public class CaseSummary extends AggregateDocument {

    /** {@link #openAlertRank} when no alert is open. */
    static final int NO_OPEN_ALERT = 9;

    @Id
    private String caseId;
    private List<CaseFact> facts = new ArrayList<>();
    /** The coordinator's acknowledgement of the urgent-referral alert: not a fact, survives every refold. */
    private UrgentReferralAcknowledgement urgentReferralAcknowledgement;

    // --- the fold of the facts (recomputed by refold)
    private Stage stage;
    private String status;
    private Instant stageSince;
    private boolean terminal;
    private TerminalReason terminalReason;
    private String terminalDetail;
    private String clinicId;
    private String hospitalId;
    private Instant openedAt;
    private Instant lastEventAt;
    private LocalDate surgeryOn;
    private boolean surgeryDone;
    private RehabPhase rehabPhase;
    private String travelStatus;
    private boolean travelReady;
    private Integer missingDocuments;
    private Boolean crossBorderConsent;
    private List<Alert> alerts = new ArrayList<>();
    private boolean hasOpenAlert;
    private int openAlertCount;
    private int openAlertRank = NO_OPEN_ALERT;
    private List<AlertSeverity> openAlertSeverities = new ArrayList<>();
    private List<Blocker> blockers = new ArrayList<>();
    private boolean urgentReferralOpen;
    private Instant urgentReferralAt;

    public CaseSummary(String caseId) {
        this.caseId = Objects.requireNonNull(caseId, "caseId");
    }

    /** Takes one event into account; the same event id twice changes nothing. */
    public void apply(CaseFact fact) {
        if (!caseId.equals(fact.caseId())) {
            throw new IllegalArgumentException("fact about " + fact.caseId() + " applied to " + caseId);
        }
        if (facts.stream().anyMatch(known -> known.entry().eventId().equals(fact.entry().eventId()))) {
            return;
        }
        facts.add(fact);
        facts.sort(Comparator.comparing(CaseFact::entry, TimelineEntry.CHRONOLOGICAL));
        refold();
    }

    /**
     * Marks the urgent-referral alert acknowledged by this coordinator's decision; the first acknowledgement stays (a
     * second one changes nothing). Kept even before the alert is projected, so the order does not matter.
     *
     * @return whether the summary changed
     */
    public boolean acknowledgeUrgentReferral(UrgentReferralAcknowledgement acknowledgement) {
        if (!caseId.equals(acknowledgement.caseId())) {
            throw new IllegalArgumentException("acknowledgement of " + acknowledgement.caseId() + " applied to " + caseId);
        }
        if (urgentReferralAcknowledgement != null) {
            return false;
        }
        urgentReferralAcknowledgement = acknowledgement;
        refold();
        return true;
    }

    private void refold() {
        stage = null;
        status = null;
        stageSince = null;
        terminal = false;
        terminalReason = null;
        terminalDetail = null;
        clinicId = null;
        hospitalId = null;
        openedAt = null;
        surgeryOn = null;
        surgeryDone = false;
        rehabPhase = null;
        travelStatus = null;
        missingDocuments = null;
        crossBorderConsent = null;
        boolean redFlag = false;
        List<String> missingCare = List.of();
        LocalDate eligibleOn = null;
        Integer offeredOptions = null;
        Map<String, Alert> alertsById = new LinkedHashMap<>();
        for (CaseFact fact : facts) {
            if (fact.clinicId() != null) {
                clinicId = fact.clinicId();
            }
            if (fact.openedAt() != null) {
                openedAt = fact.openedAt();
            }
            if (fact.hospitalId() != null) {
                hospitalId = fact.hospitalId();
            }
            if (fact.crossBorderConsent() != null) {
                crossBorderConsent = fact.crossBorderConsent();
            }
            if (Boolean.TRUE.equals(fact.redFlag())) {
                redFlag = true;
            }
            if (fact.surgeryOn() != null) {
                surgeryOn = fact.surgeryOn();
            }
            if (Boolean.TRUE.equals(fact.surgeryCancelled())) {
                surgeryOn = null;
            }
            if (Boolean.TRUE.equals(fact.surgeryDone())) {
                surgeryDone = true;
            }
            if (fact.rehabPhase() != null && (rehabPhase == null || fact.rehabPhase().compareTo(rehabPhase) > 0)) {
                rehabPhase = fact.rehabPhase();
            }
            if (fact.travelStatus() != null) {
                travelStatus = fact.travelStatus();
                missingDocuments = fact.missingDocuments();
            }
            if (fact.alert() != null) {
                alertsById.merge(fact.alert().alertId(), fact.alert(), Alert::merge);
            }
            if (fact.movesTheCase() && !terminal) {
                if (fact.missingCare() != null) {
                    missingCare = fact.missingCare();
                    eligibleOn = fact.eligibleOn();
                }
                if (fact.offeredOptions() != null) {
                    offeredOptions = fact.offeredOptions();
                }
                if (fact.stage() != stage) {
                    stageSince = fact.at();
                }
                stage = fact.stage();
                status = fact.status();
                if (fact.terminal()) {
                    terminal = true;
                    terminalReason = fact.terminalReason();
                    terminalDetail = fact.terminalDetail();
                }
            }
        }
        if (stage == null && !facts.isEmpty()) {
            // only events that do not move the case so far: it is being opened
            stage = Stage.INTAKE;
            status = "Dossier en cours d’ouverture";
            stageSince = facts.get(0).at();
        }
        lastEventAt = facts.isEmpty() ? null : facts.stream().map(CaseFact::at).max(Comparator.naturalOrder()).orElseThrow();
        travelReady = "READY".equals(travelStatus);
        if (urgentReferralAcknowledgement != null) {
            alertsById.computeIfPresent(Alert.URGENT_REFERRAL_ID, (id, alert) -> alert.urgentReferral()
                    ? alert.acknowledged(urgentReferralAcknowledgement.acknowledgedAt(), urgentReferralAcknowledgement.acknowledgedBy())
                    : alert);
        }
        alerts = new ArrayList<>(alertsById.values());
        alerts.sort(Comparator.comparing(Alert::raisedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Alert::alertId));
        // the follow-up figures and queue are rehab's alerts; the urgent referral has its own queue (URGENT_REFERRALS)
        List<Alert> openFollowUp = alerts.stream().filter(Alert::open).filter(alert -> !alert.urgentReferral()).toList();
        openAlertSeverities = openFollowUp.stream().map(Alert::severity).filter(Objects::nonNull).sorted().toList();
        openAlertCount = openFollowUp.size();
        Alert urgentReferral = alertsById.get(Alert.URGENT_REFERRAL_ID);
        urgentReferralOpen = urgentReferral != null && urgentReferral.urgentReferral() && urgentReferral.open();
        urgentReferralAt = urgentReferral != null && urgentReferral.urgentReferral() ? urgentReferral.raisedAt() : null;
        hasOpenAlert = openAlertCount > 0;
        openAlertRank = openAlertSeverities.isEmpty() ? (hasOpenAlert ? AlertSeverity.values().length : NO_OPEN_ALERT)
                : openAlertSeverities.get(0).ordinal();
        blockers = blockers(redFlag, missingCare, eligibleOn, offeredOptions);
    }

    private List<Blocker> blockers(boolean redFlag, List<String> missingCare, LocalDate eligibleOn, Integer offeredOptions) {
        List<Blocker> found = new ArrayList<>();
        if (urgentReferralOpen) {
            // the one thing a coordinator must still do on a case closed by a red flag
            found.add(new Blocker(Blocker.Kind.URGENT_REFERRAL_TO_ACKNOWLEDGE, urgentReferral().orElseThrow().redFlags()));
        }
        if (terminal) {
            return found;
        }
        if (redFlag) {
            found.add(new Blocker(Blocker.Kind.RED_FLAG_REPORTED, List.of()));
        }
        List<String> urgent = alerts.stream().filter(Alert::open).filter(alert -> !alert.urgentReferral())
                .filter(alert -> alert.severity() == AlertSeverity.URGENT)
                .map(alert -> alert.reason() == null ? alert.alertId() : alert.reason()).toList();
        if (!urgent.isEmpty()) {
            found.add(new Blocker(Blocker.Kind.URGENT_ALERT_OPEN, urgent));
        }
        if (Boolean.FALSE.equals(crossBorderConsent)) {
            found.add(new Blocker(Blocker.Kind.CROSS_BORDER_CONSENT_MISSING, List.of()));
        }
        if (stage == Stage.CONSERVATIVE_CARE) {
            List<String> details = new ArrayList<>(missingCare);
            if (eligibleOn != null) {
                details.add("admissible au plus tôt le " + eligibleOn);
            }
            found.add(new Blocker(Blocker.Kind.CONSERVATIVE_CARE_INSUFFICIENT, details));
        }
        if (stage == Stage.AWAITING_HOSPITAL_CHOICE && Integer.valueOf(0).equals(offeredOptions)) {
            found.add(new Blocker(Blocker.Kind.NO_HOSPITAL_AVAILABLE, List.of()));
        }
        if (stage == Stage.SURGERY_SCHEDULED && "IN_PREPARATION".equals(travelStatus) && missingDocuments != null
                && missingDocuments > 0) {
            found.add(new Blocker(Blocker.Kind.TRAVEL_DOCUMENTS_MISSING, List.of(String.valueOf(missingDocuments))));
        }
        return found;
    }

    public String caseId() {
        return caseId;
    }

    public Stage stage() {
        return stage;
    }

    public String status() {
        return status;
    }

    /** When the case entered its current stage. */
    public Instant stageSince() {
        return stageSince;
    }

    public boolean terminal() {
        return terminal;
    }

    public TerminalReason terminalReason() {
        return terminalReason;
    }

    /** The producer's code behind the terminal reason (e.g. the closure reason), or null. */
    public String terminalDetail() {
        return terminalDetail;
    }

    public String clinicId() {
        return clinicId;
    }

    public String hospitalId() {
        return hospitalId;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant lastEventAt() {
        return lastEventAt;
    }

    public LocalDate surgeryOn() {
        return surgeryOn;
    }

    public boolean surgeryDone() {
        return surgeryDone;
    }

    public RehabPhase rehabPhase() {
        return rehabPhase;
    }

    /** The travel plan's status ({@code IN_PREPARATION}, {@code READY}, {@code CANCELLED}), or null before any plan. */
    public String travelStatus() {
        return travelStatus;
    }

    /** Scheduled and the travel plan is not ready yet: a coordinator has travel to finalise. */
    public boolean travelToFinalise() {
        return stage == Stage.SURGERY_SCHEDULED && !travelReady;
    }

    public Integer missingDocuments() {
        return missingDocuments;
    }

    /** Whether health information may leave Québec, as the newest consent says; null when not known yet. */
    public Boolean crossBorderConsent() {
        return crossBorderConsent;
    }

    /** Every alert of the case, oldest first; empty when left out of a list query. */
    public List<Alert> alerts() {
        return alerts == null ? List.of() : Collections.unmodifiableList(alerts);
    }

    public List<Alert> openAlerts() {
        return alerts().stream().filter(Alert::open).toList();
    }

    public boolean hasOpenAlert() {
        return hasOpenAlert;
    }

    public int openAlertCount() {
        return openAlertCount;
    }

    /** The case's urgent-referral alert (raised by the dashboard for a red-flag case), open or acknowledged. */
    public Optional<Alert> urgentReferral() {
        return alerts().stream().filter(Alert::urgentReferral).findFirst();
    }

    /** An urgent referral waits for a coordinator's acknowledgement (queue {@link WorkQueue#URGENT_REFERRALS}). */
    public boolean urgentReferralOpen() {
        return urgentReferralOpen;
    }

    public List<Blocker> blockers() {
        return blockers == null ? List.of() : Collections.unmodifiableList(blockers);
    }

    /** The events of this case in event-time order (empty when the facts were left out of a list query). */
    public List<TimelineEntry> timeline() {
        return facts().stream().map(CaseFact::entry).toList();
    }

    /** The pain and disability measurements in the order they were taken (empty when left out of a list query). */
    public List<Measurement> measurements() {
        return facts().stream().map(CaseFact::measurement).filter(Objects::nonNull)
                .sorted(Comparator.comparing(Measurement::on)).toList();
    }

    /** The days of documented conservative care (first, last), or null when none is documented. */
    public LocalDate[] conservativeCarePeriod() {
        LocalDate from = facts().stream().map(CaseFact::careFrom).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        LocalDate to = facts().stream().map(CaseFact::careTo).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        return from == null ? null : new LocalDate[] {from, to};
    }

    List<CaseFact> facts() {
        return facts == null ? List.of() : facts;
    }
}
