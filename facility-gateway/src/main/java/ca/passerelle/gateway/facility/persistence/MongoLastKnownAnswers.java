package ca.passerelle.gateway.facility.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import ca.passerelle.gateway.facility.LastKnown;
import ca.passerelle.gateway.facility.LastKnownAnswers;

/**
 * One document per request key in {@code last-known-answers}: {@code _id} the key, {@code asOf}, and the answer as a
 * sub-document. Each successful read replaces the previous copy in one single-document upsert.
 */
@Repository
class MongoLastKnownAnswers implements LastKnownAnswers {

    static final String COLLECTION = "last-known-answers";

    private final MongoTemplate mongo;

    MongoLastKnownAnswers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public <T> void remember(String requestKey, T answer, Instant asOf) {
        Document body = new Document();
        mongo.getConverter().write(answer, body);
        mongo.upsert(byKey(requestKey), new Update().set("asOf", Date.from(asOf)).set("answer", body), COLLECTION);
    }

    @Override
    public <T> Optional<LastKnown<T>> recall(String requestKey, Class<T> type) {
        Document stored = mongo.findOne(byKey(requestKey), Document.class, COLLECTION);
        if (stored == null || stored.get("answer") == null || stored.getDate("asOf") == null) {
            return Optional.empty();
        }
        T answer = mongo.getConverter().read(type, stored.get("answer", Document.class));
        return Optional.of(new LastKnown<>(answer, stored.getDate("asOf").toInstant()));
    }

    private static Query byKey(String requestKey) {
        return Query.query(Criteria.where("_id").is(requestKey));
    }
}
