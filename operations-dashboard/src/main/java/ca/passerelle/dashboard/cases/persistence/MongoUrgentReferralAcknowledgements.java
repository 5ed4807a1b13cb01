package ca.passerelle.dashboard.cases.persistence;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import ca.passerelle.dashboard.cases.UrgentReferralAcknowledgement;
import ca.passerelle.dashboard.cases.UrgentReferralAcknowledgements;

/** Acknowledgements in {@code urgent-referral-acknowledgements}, one document per case: the insert of the id is the claim. */
@Repository
class MongoUrgentReferralAcknowledgements implements UrgentReferralAcknowledgements {

    private final MongoTemplate mongo;

    MongoUrgentReferralAcknowledgements(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean claim(UrgentReferralAcknowledgement acknowledgement) {
        try {
            mongo.insert(acknowledgement);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<UrgentReferralAcknowledgement> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, UrgentReferralAcknowledgement.class));
    }
}
