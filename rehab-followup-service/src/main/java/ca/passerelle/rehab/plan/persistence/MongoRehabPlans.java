package ca.passerelle.rehab.plan.persistence;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import ca.passerelle.rehab.plan.FollowUpStatus;
import ca.passerelle.rehab.plan.RehabPlan;
import ca.passerelle.rehab.plan.RehabPlans;

/** {@link RehabPlans} over the {@code rehab-plans} collection. */
@Repository
class MongoRehabPlans implements RehabPlans {

    private final MongoTemplate mongo;

    MongoRehabPlans(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<RehabPlan> active() {
        return mongo.find(Query.query(Criteria.where("status").is(FollowUpStatus.ACTIVE.name())), RehabPlan.class);
    }

    @Override
    public List<RehabPlan> withOpenAlerts() {
        return mongo.find(Query.query(Criteria.where("openAlerts").gt(0)), RehabPlan.class);
    }

    @Override
    public Optional<RehabPlan> holdingAlert(String alertId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("alerts.alertId").is(alertId)), RehabPlan.class));
    }
}
