package ca.passerelle.dashboard.cases.persistence;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import ca.passerelle.dashboard.cases.CasePage;
import ca.passerelle.dashboard.cases.CaseSearch;
import ca.passerelle.dashboard.cases.CaseSummaries;
import ca.passerelle.dashboard.cases.CaseSummary;
import ca.passerelle.dashboard.cases.Stage;
import ca.passerelle.dashboard.cases.TerminalReason;

/** Case summaries in the {@code case-summaries} collection; list queries leave the timelines and bookkeeping out. */
@Repository
class MongoCaseSummaries implements CaseSummaries {

    private static final Sort MOST_RECENT_FIRST = Sort.by(Sort.Order.desc("lastEventAt"), Sort.Order.asc("_id"));

    private final MongoTemplate mongo;

    MongoCaseSummaries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<CaseSummary> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseSummary.class));
    }

    @Override
    public CasePage search(CaseSearch search) {
        Criteria criteria = new Criteria();
        if (search.stage() != null) {
            criteria.and("stage").is(search.stage().name());
        }
        if (search.clinicId() != null) {
            criteria.and("clinicId").is(search.clinicId());
        }
        long total = mongo.count(Query.query(criteria), CaseSummary.class);
        Query page = listQuery(Query.query(criteria)).skip((long) search.page() * search.size()).limit(search.size());
        return new CasePage(mongo.find(page, CaseSummary.class), search.page(), search.size(), total);
    }

    @Override
    public Map<Stage, Long> countByStage() {
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        groupCount(Aggregation.newAggregation(Aggregation.match(Criteria.where("stage").ne(null)),
                Aggregation.group("stage").count().as("count")))
                .forEach((stage, count) -> counts.put(Stage.valueOf(stage), count));
        return counts;
    }

    @Override
    public Map<TerminalReason, Long> countTerminalByReason() {
        Map<TerminalReason, Long> counts = new EnumMap<>(TerminalReason.class);
        groupCount(Aggregation.newAggregation(Aggregation.match(Criteria.where("terminal").is(true)),
                Aggregation.group("terminalReason").count().as("count")))
                .forEach((reason, count) -> counts.put(TerminalReason.valueOf(reason), count));
        return counts;
    }

    @Override
    public List<CaseSummary> recent(int limit) {
        return mongo.find(listQuery(new Query()).limit(limit), CaseSummary.class);
    }

    private static Query listQuery(Query query) {
        query.with(MOST_RECENT_FIRST);
        query.fields().exclude("timeline", "consumedEventIds", "outbox");
        return query;
    }

    private Map<String, Long> groupCount(Aggregation aggregation) {
        Map<String, Long> counts = new HashMap<>();
        for (Document row : mongo.aggregate(aggregation, CaseSummary.class, Document.class).getMappedResults()) {
            Object key = row.get("_id");
            if (key != null) {
                counts.put(key.toString(), ((Number) row.get("count")).longValue());
            }
        }
        return counts;
    }
}
