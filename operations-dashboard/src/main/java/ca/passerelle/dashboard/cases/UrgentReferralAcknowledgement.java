package ca.passerelle.dashboard.cases;

import java.time.Instant;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That a coordinator acknowledged a case's urgent-referral alert ({@link Alert#URGENT_REFERRAL_ID}): one document per
 * case, inserted once (the insert is the claim, so acknowledging twice changes nothing). It lives in its own
 * collection, which the projection rebuild does not empty: it is the dashboard's own record of a coordinator's
 * decision, not a projection of the topics; projecting {@code UrgentReferralRequired} (live or in the rebuild) reads it
 * back, so a rebuilt summary shows the alert acknowledged by the same coordinator at the same time.
 *
 * @param caseId the case (the document id)
 * @param acknowledgedAt when
 * @param acknowledgedBy the coordinator's subject (pseudonymous user id)
 */
@Document("urgent-referral-acknowledgements")
public record UrgentReferralAcknowledgement(@Id String caseId, Instant acknowledgedAt, String acknowledgedBy) {

    public UrgentReferralAcknowledgement {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
        Objects.requireNonNull(acknowledgedBy, "acknowledgedBy");
    }
}
