package ca.passerelle.assessment.evaluation;

/** Where a case stands in assessment. */
public enum AssessmentStatus {
    /** A red flag was found: the tourism pathway stopped for good. Terminal. */
    URGENT_REFERRAL,
    /** Conservative care does not meet the policy yet: back to conservative care. */
    CONSERVATIVE_CARE_INSUFFICIENT,
    /** Conservative care is verified: the specialist's evaluation is awaited. */
    AWAITING_EVALUATION,
    /** The specialist recommended a surgical category. */
    SURGERY_RECOMMENDED,
    /** The specialist found the patient not a candidate: the case closes. Terminal. */
    NOT_A_CANDIDATE
}
