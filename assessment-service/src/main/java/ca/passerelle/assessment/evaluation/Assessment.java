package ca.passerelle.assessment.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ca.passerelle.events.assessment.ConservativeCareInsufficient;
import ca.passerelle.events.assessment.ConservativeCareVerified;
import ca.passerelle.events.assessment.FbssCause;
import ca.passerelle.events.assessment.SurgeryNotIndicated;
import ca.passerelle.events.assessment.SurgeryRecommended;
import ca.passerelle.events.assessment.UrgentReferralRequired;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.platform.messaging.AggregateDocument;
import ca.passerelle.platform.web.RuleViolationException;

/**
 * The assessment of one case, one document keyed by the case id: triage, conservative-care verification, decision
 * support and the specialist's evaluation. Each step raises its event in the same write.
 */
@Document("assessments")
public class Assessment extends AggregateDocument {

    /** Care dates are Québec dates. */
    static final ZoneId CARE_ZONE = ZoneId.of("America/Montreal");

    static final String NOT_AWAITING_EVALUATION = "assessment-not-awaiting-evaluation";

    @Id
    private final String caseId;
    /** The referring clinic, the tenant that owns the case (from {@code CaseOpened.clinicId}). */
    private String clinicId;
    private AssessmentStatus status;
    private ClinicalPicture picture;
    private List<RedFlag> redFlags = new ArrayList<>();
    private CareVerification verification;
    private Suggestion suggestion;
    private Evaluation evaluation;
    private Instant updatedAt;

    public Assessment(String caseId) {
        this.caseId = caseId;
    }

    /**
     * Assesses a newly opened case: a red flag stops the pathway at once; otherwise conservative care is verified against
     * the policy and decision support prepares a suggestion for the specialist. A case already opened is left as it is.
     */
    public void open(ClinicalPicture picture, ConservativeCarePolicy policy, Instant now) {
        if (status != null) {
            return;
        }
        this.picture = picture;
        this.clinicId = picture.clinicId();
        this.redFlags = new ArrayList<>(picture.redFlags());
        this.updatedAt = now;
        if (!redFlags.isEmpty()) {
            status = AssessmentStatus.URGENT_REFERRAL;
            raise(new UrgentReferralRequired(caseId, redFlags, now), now);
            return;
        }
        suggestion = DecisionSupport.suggest(picture);
        verification = policy.verify(picture.conservativeCare(), picture.painNrs(), picture.odiPercent(), LocalDate.ofInstant(now, CARE_ZONE));
        if (verification.verified()) {
            status = AssessmentStatus.AWAITING_EVALUATION;
            raise(new ConservativeCareVerified(caseId, now, verification.supervisedDays(), verification.sessions(),
                    verification.modalities(), verification.evidenceSummary()), now);
        } else {
            status = AssessmentStatus.CONSERVATIVE_CARE_INSUFFICIENT;
            raise(new ConservativeCareInsufficient(caseId, now, verification.missing(), verification.earliestEligibleOn()), now);
        }
    }

    /**
     * Records the specialist's evaluation and who made it (the token's subject, an account id, never a name). Only a case
     * awaiting evaluation accepts one; declining needs a rationale, which becomes the reason the case closes.
     */
    public void evaluate(SpecialistDecision decision, List<FbssCause> probableCauses, String rationale, String evaluatedBy,
            Instant now) {
        if (status != AssessmentStatus.AWAITING_EVALUATION) {
            throw new RuleViolationException(NOT_AWAITING_EVALUATION,
                    "case " + caseId + " is " + status + "; only a case awaiting evaluation accepts one");
        }
        if (decision == null) {
            throw new IllegalArgumentException("decision is required");
        }
        if (decision == SpecialistDecision.NOT_A_CANDIDATE && (rationale == null || rationale.isBlank())) {
            throw new IllegalArgumentException("rationale is required when the patient is not a candidate");
        }
        if (evaluatedBy == null || evaluatedBy.isBlank()) {
            throw new IllegalArgumentException("the evaluating specialist is required");
        }
        evaluation = new Evaluation(decision, probableCauses, rationale, evaluatedBy, now);
        updatedAt = now;
        decision.category().ifPresentOrElse(category -> {
            status = AssessmentStatus.SURGERY_RECOMMENDED;
            raise(new SurgeryRecommended(caseId, category, evaluation.probableCauses(), rationale, now), now);
        }, () -> {
            status = AssessmentStatus.NOT_A_CANDIDATE;
            raise(new SurgeryNotIndicated(caseId, rationale, now), now);
        });
    }

    public String caseId() {
        return caseId;
    }

    /** The clinic that referred the case; read from the clinical picture for documents written before it was kept here. */
    public String clinicId() {
        return clinicId != null ? clinicId : picture == null ? null : picture.clinicId();
    }

    public AssessmentStatus status() {
        return status;
    }

    public ClinicalPicture picture() {
        return picture;
    }

    public List<RedFlag> redFlags() {
        return List.copyOf(redFlags);
    }

    /** Null for a case stopped by triage. */
    public CareVerification verification() {
        return verification;
    }

    /** Null for a case stopped by triage. */
    public Suggestion suggestion() {
        return suggestion;
    }

    /** Null until the specialist evaluates. */
    public Evaluation evaluation() {
        return evaluation;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
