package ca.passerelle.events.intake;

/** The purposes a patient consents to, one by one (Québec Law 25). */
public enum ConsentPurpose {
    /** Required to open and work a case. Withdrawn: every service stops processing the case. */
    CARE_COORDINATION,
    /** Required before any health information leaves Québec. Withdrawn: scheduling in France stops and is undone. */
    CROSS_BORDER_COMMUNICATION,
    /** Optional. */
    RESEARCH
}
