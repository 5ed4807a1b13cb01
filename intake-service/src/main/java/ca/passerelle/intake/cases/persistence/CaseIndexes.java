package ca.passerelle.intake.cases.persistence;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import ca.passerelle.intake.cases.PatientCase;

/**
 * The indexes on values the domain never sees: the RAMQ look-up within a clinic, and the open-case guard, unique (a
 * clinic has one open case per patient even when two requests race) and sparse (closed cases drop their guard).
 */
@Component
class CaseIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    CaseIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(PatientCase.class);
        indexes.createIndex(new Index().on("clinicId", Sort.Direction.ASC).on(CaseDocumentProtection.RAMQ_LOOKUP, Sort.Direction.ASC)
                .named("clinicId_ramqLookup"));
        indexes.createIndex(new Index().on(CaseDocumentProtection.OPEN_CASE_GUARD, Sort.Direction.ASC).unique().sparse()
                .named(CaseDocumentProtection.OPEN_CASE_GUARD));
    }
}
