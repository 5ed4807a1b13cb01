package ca.passerelle.rehab.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ca.passerelle.events.Contract;
import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.rehab.PhaseWindow;
import ca.passerelle.events.rehab.RehabPlanCreated;
import ca.passerelle.platform.messaging.AggregateDocument;

/**
 * The rehabilitation plan of one case, keyed by the case id: one plan per case, made once when the surgery is reported
 * done. A later report for the same case changes nothing (corrections are not handled yet). The document also remembers
 * the clinic that referred the case (its tenant), learnt from {@code CaseOpened}, which may arrive before or after the
 * surgery is reported done.
 */
@Document("rehab-plans")
public class RehabPlan extends AggregateDocument {

    @Id
    private final String caseId;
    private SurgicalCategory category;
    private LocalDate performedOn;
    /** The Québec clinic that opened the case, the tenant whose users may read the plan; null until CaseOpened is seen. */
    private String referringClinicId;
    /** The Québec rehabilitation clinic; null until facility-gateway assigns one. */
    private String rehabClinicId;
    private List<PlannedPhase> phases = List.of();
    private List<Checkpoint> checkpoints = List.of();
    private Instant createdAt;

    private RehabPlan(String caseId) {
        this.caseId = caseId;
    }

    /** A case without a plan yet; {@link #plan} gives it one. */
    public static RehabPlan forCase(CaseId caseId) {
        return new RehabPlan(caseId.value());
    }

    /**
     * Plans the rehabilitation after the surgery and raises {@link RehabPlanCreated}.
     *
     * @return false when the case was already planned, in which case nothing changed
     */
    public boolean plan(CompletedSurgery surgery, RehabSchedule schedule, Instant now) {
        if (!caseId.equals(surgery.caseId().value())) {
            throw new IllegalArgumentException("Surgery of case " + surgery.caseId() + " cannot plan case " + caseId);
        }
        if (isPlanned()) {
            return false;
        }
        this.category = surgery.category();
        this.performedOn = surgery.performedOn();
        this.phases = schedule.phases();
        this.checkpoints = schedule.checkpoints();
        // MongoDB keeps milliseconds: the event must carry the instant the document will read back.
        this.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
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

    public SurgicalCategory category() {
        return category;
    }

    public LocalDate performedOn() {
        return performedOn;
    }

    public String rehabClinicId() {
        return rehabClinicId;
    }

    public List<PlannedPhase> phases() {
        return List.copyOf(phases);
    }

    public List<Checkpoint> checkpoints() {
        return List.copyOf(checkpoints);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
