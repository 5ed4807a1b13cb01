package ca.passerelle.dashboard.cases.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import ca.passerelle.dashboard.cases.SlaBreaches;
import ca.passerelle.dashboard.cases.Stage;
import ca.passerelle.dashboard.cases.StageVisit;

/** Counted breaches in {@code sla-breaches}, one document per case and stage: the insert of its id is the claim. */
@Repository
class MongoSlaBreaches implements SlaBreaches {

    private final MongoTemplate mongo;
    private final Clock clock;

    MongoSlaBreaches(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Set<String> alreadyCounted(Collection<StageVisit> visits) {
        if (visits.isEmpty()) {
            return Set.of();
        }
        Set<String> keys = visits.stream().map(SlaBreaches::key).collect(Collectors.toSet());
        return mongo.find(Query.query(Criteria.where("_id").in(keys)), CountedBreach.class).stream()
                .map(CountedBreach::id).collect(Collectors.toSet());
    }

    @Override
    public boolean claim(StageVisit visit) {
        try {
            mongo.insert(new CountedBreach(SlaBreaches.key(visit), visit.caseId(), visit.stage(), visit.since(), clock.instant()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** That the breach of a case's stage was counted (the case entered the stage at {@code stageSince}). */
    @Document("sla-breaches")
    record CountedBreach(@Id String id, String caseId, Stage stage, Instant stageSince, Instant countedAt) {
    }
}
