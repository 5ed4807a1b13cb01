package ca.passerelle.assessment.evaluation;

/** Where a case stands in assessment; {@link Assessment#gating()} says exactly what a waiting case still needs. */
public enum AssessmentStatus {
    /** A red flag was found: the tourism pathway stopped for good. Terminal. */
    URGENT_REFERRAL,
    /** Intake closed the case ({@code CaseClosed}). Terminal. */
    CLOSED,
    /** The specialist found the patient not a candidate ({@code SurgeryNotIndicated}, the case's decline). Terminal. */
    NOT_A_CANDIDATE,
    /** Consent to care coordination is withdrawn: nothing is decided or published until it is given again. */
    PAUSED,
    /** Conservative care does not meet the policy yet: back to conservative care. */
    CONSERVATIVE_CARE_INSUFFICIENT,
    /** Conservative care is verified: the specialist's evaluation is awaited. */
    AWAITING_EVALUATION,
    /** Care verified and surgery recommended by the specialist, but cross-border consent is missing: nothing leaves Québec. */
    AWAITING_CONSENT,
    /** Every condition held: {@code SurgeryRecommended} was published. */
    SURGERY_RECOMMENDED;

    public boolean terminal() {
        return this == URGENT_REFERRAL || this == CLOSED || this == NOT_A_CANDIDATE;
    }
}
