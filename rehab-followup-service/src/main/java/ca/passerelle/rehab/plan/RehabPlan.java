package ca.passerelle.rehab.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ca.passerelle.events.Contract;
import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.events.intake.Symptoms;
import ca.passerelle.events.rehab.AlertKind;
import ca.passerelle.events.rehab.AlertSeverity;
import ca.passerelle.events.rehab.FollowUpAlertAcknowledged;
import ca.passerelle.events.rehab.FollowUpAlertRaised;
import ca.passerelle.events.rehab.FollowUpRecorded;
import ca.passerelle.events.rehab.PhaseWindow;
import ca.passerelle.events.rehab.Progress;
import ca.passerelle.events.rehab.RehabClosure;
import ca.passerelle.events.rehab.RehabCompleted;
import ca.passerelle.events.rehab.RehabPhase;
import ca.passerelle.events.rehab.RehabPhaseAdvanced;
import ca.passerelle.events.rehab.RehabPlanCreated;
import ca.passerelle.platform.messaging.AggregateDocument;
import ca.passerelle.platform.web.InvalidInputException;

/**
 * The rehabilitation follow-up of one case, keyed by the case id: one document per case holding the plan (made once when
 * the surgery is reported done; a later report changes nothing), what intake told about the case (referring clinic,
 * home region, pre-operative baseline), the assigned rehabilitation clinic, the follow-up reports, the alerts and how
 * the follow-up ended. Every change is one single-document write with the events it raises (outbox).
 */
@Document("rehab-plans")
public class RehabPlan extends AggregateDocument {

    @Id
    private final String caseId;
    private FollowUpStatus status = FollowUpStatus.AWAITING_SURGERY;
    private SurgicalCategory category;
    private LocalDate performedOn;
    /** The Québec clinic that opened the case, the tenant whose users may read the plan; null until CaseOpened is seen. */
    private String referringClinicId;
    /** The patient's home region (CaseOpened), where the rehabilitation clinic is looked for. */
    private String homeRegion;
    private String preferredLanguage;
    /** Pre-operative pain and disability; null until CaseOpened is seen. */
    private Baseline baseline;
    /** The Québec rehabilitation clinic, the tenant that posts and reads follow-ups; null until one is assigned. */
    private String rehabClinicId;
    private List<PlannedPhase> phases = List.of();
    private List<Checkpoint> checkpoints = List.of();
    private RehabPhase currentPhase;
    private List<FollowUpReport> reports = new ArrayList<>();
    private List<FollowUpAlert> alerts = new ArrayList<>();
    /** How many alerts await acknowledgement: the coordinators' list queries on it. */
    private int openAlerts;
    private RehabClosure closure;
    private Instant completedAt;
    private Instant createdAt;

    private RehabPlan(String caseId) {
        this.caseId = caseId;
    }

    /** A case without a plan yet; {@link #plan} gives it one. */
    public static RehabPlan forCase(CaseId caseId) {
        return new RehabPlan(caseId.value());
    }

    /**
     * Plans the rehabilitation after the surgery and raises {@link RehabPlanCreated}, with the rehabilitation clinic if one
     * is already assigned.
     *
     * @return false when the case was already planned, or its follow-up stopped, in which case nothing changed
     */
    public boolean plan(CompletedSurgery surgery, RehabSchedule schedule, Instant now) {
        if (!caseId.equals(surgery.caseId().value())) {
            throw new IllegalArgumentException("Surgery of case " + surgery.caseId() + " cannot plan case " + caseId);
        }
        if (isPlanned() || status == FollowUpStatus.STOPPED) {
            return false;
        }
        this.category = surgery.category();
        this.performedOn = surgery.performedOn();
        this.phases = schedule.phases();
        this.checkpoints = schedule.checkpoints();
        this.currentPhase = phases.get(0).phase();
        this.status = FollowUpStatus.ACTIVE;
        // MongoDB keeps milliseconds: the event must carry the instant the document will read back.
        this.createdAt = millis(now);
        raise(new RehabPlanCreated(caseId, category, rehabClinicId,
                phases.stream().map(phase -> new PhaseWindow(phase.phase(), phase.startsOn(), phase.endsOn())).toList(),
                checkpoints.stream().map(Checkpoint::dueOn).toList(),
                createdAt), createdAt);
        return true;
    }

    /**
     * Records the clinic that opened the case. The first clinic learnt is kept: a later, different one never moves the
     * case to another tenant.
     *
     * @return false when the referring clinic was already known, in which case nothing changed
     */
    public boolean referredBy(String clinicId) {
        Contract.requireText(clinicId, "clinicId");
        if (referringClinicId != null) {
            return false;
        }
        this.referringClinicId = clinicId;
        return true;
    }

    /** Learns what intake says of the opened case: its clinic, home region, language and pre-operative baseline (first kept). */
    public boolean opened(String clinicId, String region, String language, Baseline preOperative) {
        boolean changed = referredBy(clinicId);
        if (homeRegion == null && region != null && !region.isBlank()) {
            homeRegion = region;
            preferredLanguage = language;
            changed = true;
        }
        if (baseline == null && preOperative != null) {
            baseline = preOperative;
            changed = true;
        }
        return changed;
    }

    /**
     * A new pre-operative measurement replaces the baseline; one assessed on or after the day of surgery does not (the
     * follow-up reports measure post-operative progress).
     */
    public boolean symptomsMeasured(LocalDate assessedOn, Baseline measured) {
        if (isOver()) {
            return false;
        }
        if (performedOn != null && !assessedOn.isBefore(performedOn)) {
            return false;
        }
        this.baseline = measured;
        return true;
    }

    /** True while the case needs a rehabilitation clinic and the directory can be asked (its home region is known). */
    public boolean needsRehabClinic() {
        return rehabClinicId == null && !isOver() && homeRegion != null;
    }

    /**
     * Assigns the rehabilitation clinic from the directory's answer for the home region: a clinic speaking the patient's
     * language first, then by id (stable). When the directory has no rehabilitation clinic in the region, the referring
     * clinic (a Québec clinic of the same region, which already knows the patient) follows the patient up.
     *
     * @return false when nothing was assigned (already assigned, follow-up over, nobody to assign)
     */
    public boolean assignRehabClinic(List<RehabClinicDirectory.RehabClinic> directory) {
        if (rehabClinicId != null || isOver()) {
            return false;
        }
        Optional<String> chosen = directory.stream()
                .sorted(Comparator.comparing((RehabClinicDirectory.RehabClinic clinic) ->
                                preferredLanguage != null && clinic.languages().contains(preferredLanguage) ? 0 : 1)
                        .thenComparing(RehabClinicDirectory.RehabClinic::id))
                .map(RehabClinicDirectory.RehabClinic::id)
                .findFirst()
                .or(() -> Optional.ofNullable(referringClinicId));
        chosen.ifPresent(id -> rehabClinicId = id);
        return chosen.isPresent();
    }

    /**
     * Records a follow-up report of the assigned clinic, judged against the baseline, and raises {@link FollowUpRecorded}
     * with the alerts it calls for; the report that answers the last checkpoint completes the follow-up.
     */
    public FollowUpReport record(FollowUpDraft draft, String reportId, String sealedNotes, FollowUpProperties rules, Instant now) {
        return record(draft, reportId, sealedNotes, null, null, rules, now);
    }

    /** The report recorded with this {@code Idempotency-Key}, if any. */
    public Optional<FollowUpReport> reportWithKey(String idempotencyKey) {
        return reports.stream().filter(report -> idempotencyKey.equals(report.idempotencyKey())).findFirst();
    }

    /** The same, for a request that came with an {@code Idempotency-Key} (kept with the report with its fingerprint). */
    public FollowUpReport record(FollowUpDraft draft, String reportId, String sealedNotes, String idempotencyKey, String requestFingerprint,
            FollowUpProperties rules, Instant now) {
        requireActive();
        if (baseline == null) {
            throw new IllegalStateException("No pre-operative baseline for case " + caseId);
        }
        if (draft.assessedOn().isBefore(performedOn)) {
            throw new InvalidInputException("A follow-up is assessed on or after the day of surgery");
        }
        Instant at = millis(now);
        double odiPercent = OdiScore.percentOf(draft.odiSectionScores());
        ProgressJudgement judgement = ProgressJudgement.of(baseline, draft.painNrs(), odiPercent);
        LocalDate answers = checkpointAnswered(draft.assessedOn(), rules.reportWindow()).orElse(null);
        FollowUpReport report = new FollowUpReport(reportId, rehabClinicId, answers, draft.assessedOn(), draft.painNrs(),
                draft.odiSectionScores(), odiPercent, draft.complications(), draft.redFlags(), draft.adherence(),
                judgement.progress(), sealedNotes, at, idempotencyKey, requestFingerprint);
        List<FollowUpReport> updated = new ArrayList<>(reports);
        updated.add(report);
        reports = updated;
        raise(new FollowUpRecorded(caseId, reportId, answers, draft.assessedOn(), new Symptoms(draft.painNrs(), odiPercent),
                judgement.progress(), draft.complications(), draft.redFlags(), draft.adherence(), at), at);

        String anchor = answers != null ? answers.toString() : reportId;
        if (!draft.redFlags().isEmpty()) {
            raiseAlert(AlertKind.RED_FLAG_AFTER_SURGERY, AlertSeverity.URGENT, anchor, answers,
                    "Red flag(s) " + draft.redFlags().stream().map(RedFlag::name).sorted().collect(Collectors.joining(", "))
                            + " reported on " + draft.assessedOn() + ", " + daysAfterSurgery(draft.assessedOn()) + " days after surgery",
                    at);
        }
        if (judgement.progress() == Progress.WORSENING) {
            raiseAlert(AlertKind.WORSENING, AlertSeverity.HIGH, anchor, answers,
                    "On " + draft.assessedOn() + " " + judgement.figures() + ": clinically meaningful worsening", at);
        } else if (judgement.progress() == Progress.PLATEAU && answers != null
                && answers.equals(performedOn.plus(rules.improvementCheckpoint()))) {
            raiseAlert(AlertKind.NO_MEANINGFUL_IMPROVEMENT, AlertSeverity.HIGH, anchor, answers,
                    "At " + describe(rules.improvementCheckpoint()) + " " + judgement.figures()
                            + ": no clinically meaningful improvement", at);
        }
        if (answers != null && answers.equals(lastCheckpoint())) {
            complete(RehabClosure.PLAN_COMPLETED, at);
        }
        return report;
    }

    /** What the sweep would change today: missed checkpoints without their alert, and the phase today falls in. */
    public boolean needsSweep(LocalDate today, FollowUpProperties rules) {
        return status == FollowUpStatus.ACTIVE && (!newlyMissed(today, rules).isEmpty() || phaseToAdvanceTo(today).isPresent());
    }

    /**
     * The time-based rules: a checkpoint unreported beyond the grace period raises MISSED_CHECKPOINT (once: the alert id is
     * derived from the checkpoint); the plan moves to the phase today falls in (time) unless the patient's progress holds it
     * (see {@link #holdsPhase()}): the next phase must not start before a coordinator has looked at the patient.
     *
     * @return false when nothing changed
     */
    public boolean sweep(LocalDate today, Instant now, FollowUpProperties rules) {
        if (status != FollowUpStatus.ACTIVE) {
            return false;
        }
        Instant at = millis(now);
        boolean changed = false;
        for (Checkpoint missed : newlyMissed(today, rules)) {
            raiseAlert(AlertKind.MISSED_CHECKPOINT, AlertSeverity.MEDIUM, missed.dueOn().toString(), missed.dueOn(),
                    "Checkpoint due " + missed.dueOn() + " not reported " + ChronoUnit.DAYS.between(missed.dueOn(), today)
                            + " days later (grace " + describe(rules.missedGrace()) + ")", at);
            changed = true;
        }
        Optional<RehabPhase> next = phaseToAdvanceTo(today);
        if (next.isPresent()) {
            raise(new RehabPhaseAdvanced(caseId, currentPhase, next.get(), at), at);
            currentPhase = next.get();
            changed = true;
        }
        return changed;
    }

    /**
     * A coordinator acknowledges an alert; acknowledging it again changes nothing.
     *
     * @return false when it was already acknowledged
     */
    public boolean acknowledge(String alertId, String coordinator, Instant now) {
        Contract.requireText(coordinator, "coordinator");
        FollowUpAlert alert = alert(alertId).orElseThrow(() -> new IllegalArgumentException("No alert " + alertId + " in this case"));
        if (!alert.isOpen()) {
            return false;
        }
        Instant at = millis(now);
        alerts = alerts.stream().map(a -> a.alertId().equals(alertId) ? a.acknowledged(coordinator, at) : a)
                .collect(Collectors.toCollection(ArrayList::new));
        openAlerts = (int) alerts.stream().filter(FollowUpAlert::isOpen).count();
        raise(new FollowUpAlertAcknowledged(caseId, alertId, coordinator, at), at);
        return true;
    }

    /** A coordinator closes the follow-up early with a reason. */
    public void closeEarly(RehabClosure reason, Instant now) {
        if (reason == RehabClosure.PLAN_COMPLETED) {
            throw new IllegalArgumentException("PLAN_COMPLETED is reached by reporting the last checkpoint, not by closing");
        }
        requireActive();
        complete(reason, millis(now));
    }

    /**
     * Intake stopped the case (consent withdrawn, case closed): a planned follow-up ends with {@code reason}; a case not
     * planned yet never will be.
     *
     * @return false when the follow-up was already over
     */
    public boolean stop(RehabClosure reason, Instant now) {
        if (status == FollowUpStatus.ACTIVE) {
            complete(reason, millis(now));
            return true;
        }
        if (status == FollowUpStatus.AWAITING_SURGERY) {
            status = FollowUpStatus.STOPPED;
            closure = reason;
            completedAt = millis(now);
            return true;
        }
        return false;
    }

    /** A red flag reported to intake after the surgery: an urgent alert, once per reporting event. */
    public boolean redFlagsReported(List<RedFlag> flags, String eventId, Instant reportedAt, Instant now) {
        if (status != FollowUpStatus.ACTIVE || reportedAt.isBefore(performedOn.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            return false;
        }
        return raiseAlert(AlertKind.RED_FLAG_AFTER_SURGERY, AlertSeverity.URGENT, "intake:" + eventId, null,
                "Red flag(s) " + flags.stream().map(RedFlag::name).sorted().collect(Collectors.joining(", "))
                        + " reported to intake " + daysAfterSurgery(reportedAt.atZone(ZoneOffset.UTC).toLocalDate())
                        + " days after surgery", millis(now));
    }

    private void complete(RehabClosure reason, Instant at) {
        status = FollowUpStatus.COMPLETED;
        closure = reason;
        completedAt = at;
        Progress last = reports.isEmpty() ? null : reports.get(reports.size() - 1).progress();
        raise(new RehabCompleted(caseId, reason, last, at), at);
    }

    private boolean raiseAlert(AlertKind kind, AlertSeverity severity, String anchor, LocalDate checkpointDueOn, String reason,
            Instant at) {
        String alertId = FollowUpAlert.idFor(caseId, anchor, kind);
        if (alert(alertId).isPresent()) {
            return false;
        }
        List<FollowUpAlert> updated = new ArrayList<>(alerts);
        updated.add(new FollowUpAlert(alertId, kind, severity, anchor, checkpointDueOn, reason, at, null, null));
        alerts = updated;
        openAlerts++;
        raise(new FollowUpAlertRaised(caseId, alertId, kind, severity, reason, at), at);
        return true;
    }

    private List<Checkpoint> newlyMissed(LocalDate today, FollowUpProperties rules) {
        return checkpoints.stream()
                .filter(checkpoint -> today.isAfter(checkpoint.dueOn().plus(rules.missedGrace())))
                .filter(checkpoint -> !answered(checkpoint.dueOn()))
                .filter(checkpoint -> alert(FollowUpAlert.idFor(caseId, checkpoint.dueOn().toString(), AlertKind.MISSED_CHECKPOINT)).isEmpty())
                .toList();
    }

    private Optional<RehabPhase> phaseToAdvanceTo(LocalDate today) {
        if (currentPhase == null || holdsPhase()) {
            return Optional.empty();
        }
        return phases.stream()
                .filter(phase -> !phase.startsOn().isAfter(today))
                .map(PlannedPhase::phase)
                .reduce((first, second) -> second)
                .filter(phase -> phase.ordinal() > currentPhase.ordinal());
    }

    /**
     * The progress rule of phase advancement: the plan stays in its phase while an alert that questions the patient's
     * progress awaits a coordinator's acknowledgement — an urgent one (red flag after surgery) or a clinically meaningful
     * worsening against the pre-operative baseline. A plateau or a missed checkpoint does not hold the plan.
     */
    public boolean holdsPhase() {
        return alerts.stream().anyMatch(alert -> alert.isOpen()
                && (alert.severity() == AlertSeverity.URGENT || alert.kind() == AlertKind.WORSENING));
    }

    /** The unanswered checkpoint nearest to {@code assessedOn} within the report window (ties: the earlier one). */
    private Optional<LocalDate> checkpointAnswered(LocalDate assessedOn, Period window) {
        return checkpoints.stream()
                .map(Checkpoint::dueOn)
                .filter(due -> !answered(due))
                .filter(due -> !assessedOn.isBefore(due.minus(window)) && !assessedOn.isAfter(due.plus(window)))
                .min(Comparator.comparingLong((LocalDate due) -> Math.abs(ChronoUnit.DAYS.between(due, assessedOn)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    private boolean answered(LocalDate dueOn) {
        return reports.stream().anyMatch(report -> dueOn.equals(report.checkpointDueOn()));
    }

    private LocalDate lastCheckpoint() {
        return checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1).dueOn();
    }

    private long daysAfterSurgery(LocalDate day) {
        return ChronoUnit.DAYS.between(performedOn, day);
    }

    private void requireActive() {
        if (status != FollowUpStatus.ACTIVE) {
            throw new IllegalStateException("The follow-up of case " + caseId + " is not active (" + status + ")");
        }
    }

    private boolean isOver() {
        return status == FollowUpStatus.COMPLETED || status == FollowUpStatus.STOPPED;
    }

    /** {@code 3m} reads "3 months", {@code 7d} "7 days", {@code 2w} "14 days". */
    static String describe(Period period) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(period.getYears() + (Math.abs(period.getYears()) == 1 ? " year" : " years"));
        }
        if (period.getMonths() != 0) {
            parts.add(period.getMonths() + (Math.abs(period.getMonths()) == 1 ? " month" : " months"));
        }
        if (period.getDays() != 0 || parts.isEmpty()) {
            parts.add(period.getDays() + (Math.abs(period.getDays()) == 1 ? " day" : " days"));
        }
        return String.join(" ", parts);
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    public Optional<FollowUpAlert> alert(String alertId) {
        return alerts.stream().filter(alert -> alert.alertId().equals(alertId)).findFirst();
    }

    /** The clinic that opened the case; empty until its CaseOpened has been consumed. */
    public Optional<String> referringClinicId() {
        return Optional.ofNullable(referringClinicId);
    }

    public boolean isPlanned() {
        return createdAt != null;
    }

    public CaseId caseId() {
        return CaseId.of(caseId);
    }

    public FollowUpStatus status() {
        return status;
    }

    public SurgicalCategory category() {
        return category;
    }

    public LocalDate performedOn() {
        return performedOn;
    }

    public String rehabClinicId() {
        return rehabClinicId;
    }

    public String homeRegion() {
        return homeRegion;
    }

    public Optional<Baseline> baseline() {
        return Optional.ofNullable(baseline);
    }

    public List<PlannedPhase> phases() {
        return List.copyOf(phases);
    }

    public List<Checkpoint> checkpoints() {
        return List.copyOf(checkpoints);
    }

    public RehabPhase currentPhase() {
        return currentPhase;
    }

    public List<FollowUpReport> reports() {
        return List.copyOf(reports);
    }

    public List<FollowUpAlert> alerts() {
        return List.copyOf(alerts);
    }

    public Optional<RehabClosure> closure() {
        return Optional.ofNullable(closure);
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
