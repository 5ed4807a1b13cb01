package ca.passerelle.dashboard.deadletters.persistence;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import ca.passerelle.dashboard.deadletters.DeadLetterReplay;
import ca.passerelle.dashboard.deadletters.DeadLetterReplays;

/** Replays in {@code dead-letter-replays}, one document per dead letter: the insert of the id is the claim. */
@Repository
class MongoDeadLetterReplays implements DeadLetterReplays {

    private final MongoTemplate mongo;

    MongoDeadLetterReplays(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean claim(DeadLetterReplay replay) {
        try {
            mongo.insert(replay);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public void release(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), DeadLetterReplay.class);
    }

    @Override
    public Map<String, DeadLetterReplay> of(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), DeadLetterReplay.class).stream()
                .collect(Collectors.toMap(DeadLetterReplay::id, Function.identity()));
    }
}
