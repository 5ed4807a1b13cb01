package ca.passerelle.dashboard.facility.persistence;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import ca.passerelle.dashboard.facility.FacilityStatus;
import ca.passerelle.dashboard.facility.FacilityStatuses;

/** Dependency statuses in the {@code facility-status} collection, one document per dependency. */
@Repository
class MongoFacilityStatuses implements FacilityStatuses {

    private final MongoTemplate mongo;

    MongoFacilityStatuses(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void deleteAll() {
        mongo.remove(new Query(), FacilityStatus.class);
    }

    @Override
    public List<FacilityStatus> all() {
        return mongo.find(new Query().with(Sort.by("_id")), FacilityStatus.class);
    }
}
