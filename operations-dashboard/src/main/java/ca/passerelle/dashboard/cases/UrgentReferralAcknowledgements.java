package ca.passerelle.dashboard.cases;

import java.util.Optional;

/** The coordinators' acknowledgements of urgent-referral alerts, one per case. */
public interface UrgentReferralAcknowledgements {

    /** Records the acknowledgement unless the case's alert was already acknowledged (then false: nothing is written). */
    boolean claim(UrgentReferralAcknowledgement acknowledgement);

    Optional<UrgentReferralAcknowledgement> find(String caseId);
}
