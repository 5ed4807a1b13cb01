package ca.passerelle.dashboard.deadletters.persistence;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import ca.passerelle.dashboard.deadletters.DeadLetter;
import ca.passerelle.dashboard.deadletters.DeadLetters;

/** Dead letters in the {@code dead-letters} collection, one document per topic, partition and offset. */
@Repository
class MongoDeadLetters implements DeadLetters {

    private final MongoTemplate mongo;

    MongoDeadLetters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void store(DeadLetter deadLetter) {
        mongo.save(deadLetter);
    }

    @Override
    public void deleteAll() {
        mongo.remove(new Query(), DeadLetter.class);
    }

    @Override
    public Optional<DeadLetter> find(String id) {
        return Optional.ofNullable(mongo.findById(id, DeadLetter.class));
    }

    @Override
    public long count() {
        return mongo.count(new Query(), DeadLetter.class);
    }

    @Override
    public List<DeadLetter> newest(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Order.desc("at"), Sort.Order.asc("_id"))).limit(limit), DeadLetter.class);
    }
}
