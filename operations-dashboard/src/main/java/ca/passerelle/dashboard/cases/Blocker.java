package ca.passerelle.dashboard.cases;

import java.util.List;

/**
 * Something that holds the case up and that a coordinator should see first.
 *
 * @param details what the blocker is about (French sentences or codes from the events), possibly empty
 */
public record Blocker(Kind kind, List<String> details) {

    public Blocker {
        details = details == null ? List.of() : List.copyOf(details);
    }

    public enum Kind {
        /** The patient has not (or no longer) consented to health information leaving Québec. */
        CROSS_BORDER_CONSENT_MISSING,
        /** A red flag was reported; triage must refer the patient urgently. */
        RED_FLAG_REPORTED,
        /** Assessment found conservative care insufficient; the details say what is missing. */
        CONSERVATIVE_CARE_INSUFFICIENT,
        /** No partner hospital had a slot when options were last offered. */
        NO_HOSPITAL_AVAILABLE,
        /** The travel plan still misses documents; the detail is how many. */
        TRAVEL_DOCUMENTS_MISSING,
        /** An urgent follow-up alert is open. */
        URGENT_ALERT_OPEN,
        /**
         * Triage found red flags and closed the case: a coordinator must orient the patient to urgent care in Québec and
         * acknowledge the urgent-referral alert; the details are the red-flag codes. The only blocker a closed case shows.
         */
        URGENT_REFERRAL_TO_ACKNOWLEDGE
    }
}
