package ca.passerelle.intake.cases.persistence;

import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import ca.passerelle.intake.cases.CaseId;
import ca.passerelle.intake.cases.Cases;
import ca.passerelle.intake.cases.IdempotencyKey;
import ca.passerelle.intake.cases.CaseStatus;
import ca.passerelle.intake.cases.PatientCase;
import ca.passerelle.intake.cases.RamqNumber;
import ca.passerelle.intake.cases.protection.RamqLookup;
import ca.passerelle.platform.messaging.AggregateStore;

/**
 * The {@code cases} collection: inserts go through {@link AggregateStore}, which wakes the outbox relay; PHI is sealed and
 * opened by {@link CaseDocumentProtection} on every write and read.
 */
@Repository
class MongoCases implements Cases {

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final RamqLookup lookup;

    MongoCases(AggregateStore store, MongoTemplate mongo, RamqLookup lookup) {
        this.store = store;
        this.mongo = mongo;
        this.lookup = lookup;
    }

    @Override
    public PatientCase insert(PatientCase opened) {
        return store.insert(opened);
    }

    @Override
    public Optional<PatientCase> update(CaseId id, Consumer<PatientCase> change) {
        return store.update(PatientCase.class, id.value(), change);
    }

    @Override
    public CasePage page(Optional<String> clinicId, int page, int size) {
        Query query = clinicId.map(clinic -> Query.query(Criteria.where("clinicId").is(clinic))).orElseGet(Query::new);
        long total = mongo.count(query, PatientCase.class);
        query.with(Sort.by(Sort.Direction.DESC, "openedAt").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return new CasePage(mongo.find(query, PatientCase.class), total);
    }

    @Override
    public Optional<PatientCase> findById(CaseId id) {
        return store.find(PatientCase.class, id.value());
    }

    @Override
    public Optional<PatientCase> findByIdempotencyKey(String clinicId, IdempotencyKey key) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("scopedIdempotencyKey").is(key.scopedTo(clinicId))),
                PatientCase.class));
    }

    @Override
    public boolean hasOpenCaseFor(String clinicId, RamqNumber ramq) {
        return mongo.exists(Query.query(Criteria.where("clinicId").is(clinicId)
                .and(CaseDocumentProtection.RAMQ_LOOKUP).in(lookup.candidatesFor(ramq.value()))
                .and("status").is(CaseStatus.OPEN.name())), PatientCase.class);
    }
}
