package ca.passerelle.dashboard.cases.persistence;

import java.util.ArrayList;
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

import ca.passerelle.dashboard.cases.CaseCursor;
import ca.passerelle.dashboard.cases.CasePage;
import ca.passerelle.dashboard.cases.CaseSearch;
import ca.passerelle.dashboard.cases.CaseSummaries;
import ca.passerelle.dashboard.cases.CaseSummary;
import ca.passerelle.dashboard.cases.Stage;
import ca.passerelle.dashboard.cases.StageVisit;
import ca.passerelle.dashboard.cases.StageWindow;
import ca.passerelle.dashboard.cases.TerminalReason;
import ca.passerelle.dashboard.cases.WorkQueue;
import ca.passerelle.events.rehab.AlertSeverity;

/**
 * Case summaries in the {@code case-summaries} collection; list queries leave the facts and bookkeeping out. Every list
 * filter has an index ending in the list order ({@code lastEventAt} descending, {@code _id}), so keyset pages read only
 * the page's documents.
 */
@Repository
class MongoCaseSummaries implements CaseSummaries {

    private static final Sort MOST_RECENT_FIRST = Sort.by(Sort.Order.desc("lastEventAt"), Sort.Order.asc("_id"));
    private static final Sort LONGEST_WAITING_FIRST = Sort.by(Sort.Order.asc("stageSince"), Sort.Order.asc("_id"));
    private static final Sort MOST_SEVERE_FIRST = Sort.by(Sort.Order.asc("openAlertRank"), Sort.Order.asc("stageSince"),
            Sort.Order.asc("_id"));
    private static final Sort MOST_RECENT_REFERRAL_FIRST = Sort.by(Sort.Order.desc("urgentReferralAt"), Sort.Order.asc("_id"));

    private static final String COLLECTION = "case-summaries";

    private final MongoTemplate mongo;

    MongoCaseSummaries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<CaseSummary> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseSummary.class));
    }

    @Override
    public CasePage search(CaseSearch search, List<StageWindow> slaWindows) {
        List<Criteria> filters = new ArrayList<>();
        if (search.stage() != null) {
            filters.add(Criteria.where("stage").is(search.stage().name()));
        }
        if (search.clinicId() != null) {
            filters.add(Criteria.where("clinicId").is(search.clinicId()));
        }
        if (search.hospitalId() != null) {
            filters.add(Criteria.where("hospitalId").is(search.hospitalId()));
        }
        if (search.openAlert() != null) {
            filters.add(Criteria.where("hasOpenAlert").is(search.openAlert()));
        }
        if (search.queue() != null) {
            filters.add(queue(search.queue()));
        }
        if (search.caseId() != null) {
            filters.add(Criteria.where("_id").regex("^" + escape(search.caseId())));
        }
        if (slaWindows != null) {
            filters.add(windows(slaWindows));
        }
        long total = filters.isEmpty() ? mongo.estimatedCount(CaseSummary.class)
                : mongo.count(Query.query(all(filters)), CaseSummary.class);
        Query page;
        if (search.after() != null) {
            List<Criteria> keyset = new ArrayList<>(filters);
            keyset.add(new Criteria().orOperator(
                    Criteria.where("lastEventAt").lt(search.after().lastEventAt()),
                    new Criteria().andOperator(Criteria.where("lastEventAt").is(search.after().lastEventAt()),
                            Criteria.where("_id").gt(search.after().caseId()))));
            page = listQuery(Query.query(all(keyset)), MOST_RECENT_FIRST).limit(search.size() + 1);
        } else {
            page = listQuery(Query.query(all(filters)), MOST_RECENT_FIRST).skip((long) search.page() * search.size())
                    .limit(search.size() + 1);
        }
        List<CaseSummary> found = mongo.find(page, CaseSummary.class);
        CaseCursor next = null;
        if (found.size() > search.size()) {
            found = found.subList(0, search.size());
            next = CaseCursor.after(found.get(found.size() - 1));
        }
        return new CasePage(found, search.after() == null ? search.page() : 0, search.size(), total, next);
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
    public long count(List<StageWindow> windows) {
        return windows.isEmpty() ? 0 : mongo.count(Query.query(windows(windows)), CaseSummary.class);
    }

    @Override
    public List<StageVisit> visits(List<StageWindow> windows) {
        if (windows.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(windows(windows));
        query.fields().include("_id", "stage", "stageSince");
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(row -> new StageVisit(row.getString("_id"), Stage.valueOf(row.getString("stage")),
                        row.getDate("stageSince").toInstant()))
                .toList();
    }

    @Override
    public Map<AlertSeverity, Long> openAlertsBySeverity() {
        Map<AlertSeverity, Long> counts = new EnumMap<>(AlertSeverity.class);
        groupCount(Aggregation.newAggregation(Aggregation.match(Criteria.where("hasOpenAlert").is(true)),
                Aggregation.unwind("openAlertSeverities"), Aggregation.group("openAlertSeverities").count().as("count")))
                .forEach((severity, count) -> counts.put(AlertSeverity.valueOf(severity), count));
        return counts;
    }

    @Override
    public CasePage queue(WorkQueue queue, int limit) {
        Query query = Query.query(queue(queue));
        long total = mongo.count(query, CaseSummary.class);
        Sort order = switch (queue) {
            case FOLLOW_UP_ALERTS -> MOST_SEVERE_FIRST;
            case URGENT_REFERRALS -> MOST_RECENT_REFERRAL_FIRST;
            default -> LONGEST_WAITING_FIRST;
        };
        List<CaseSummary> first = limit == 0 ? List.of() : mongo.find(listQuery(Query.query(queue(queue)), order).limit(limit), CaseSummary.class);
        return new CasePage(first, 0, Math.max(1, limit), total, null);
    }

    @Override
    public List<CaseSummary> recent(int limit) {
        return mongo.find(listQuery(new Query(), MOST_RECENT_FIRST).limit(limit), CaseSummary.class);
    }

    @Override
    public void deleteAll() {
        mongo.remove(new Query(), CaseSummary.class);
    }

    private static Criteria queue(WorkQueue queue) {
        return switch (queue) {
            case AWAITING_EVALUATION -> Criteria.where("stage").is(Stage.AWAITING_EVALUATION.name());
            case CONSERVATIVE_CARE_INSUFFICIENT -> Criteria.where("stage").is(Stage.CONSERVATIVE_CARE.name());
            case AWAITING_HOSPITAL_CHOICE -> Criteria.where("stage").is(Stage.AWAITING_HOSPITAL_CHOICE.name());
            case AWAITING_HOSPITAL_CONFIRMATION -> Criteria.where("stage").is(Stage.AWAITING_HOSPITAL_CONFIRMATION.name());
            case TRAVEL_TO_FINALISE -> Criteria.where("stage").is(Stage.SURGERY_SCHEDULED.name()).and("travelReady").is(false);
            case FOLLOW_UP_ALERTS -> Criteria.where("hasOpenAlert").is(true);
            case URGENT_REFERRALS -> Criteria.where("urgentReferralOpen").is(true);
        };
    }

    private static Criteria windows(List<StageWindow> windows) {
        if (windows.isEmpty()) {
            return Criteria.where("_id").exists(false);
        }
        List<Criteria> any = new ArrayList<>();
        for (StageWindow window : windows) {
            Criteria criteria = Criteria.where("stage").is(window.stage().name());
            if (window.enteredFrom() != null && window.enteredBefore() != null) {
                criteria.and("stageSince").gte(window.enteredFrom()).lt(window.enteredBefore());
            } else if (window.enteredFrom() != null) {
                criteria.and("stageSince").gte(window.enteredFrom());
            } else if (window.enteredBefore() != null) {
                criteria.and("stageSince").lt(window.enteredBefore());
            }
            any.add(criteria);
        }
        return new Criteria().orOperator(any);
    }

    private static Criteria all(List<Criteria> filters) {
        return filters.isEmpty() ? new Criteria() : new Criteria().andOperator(filters);
    }

    private static String escape(String prefix) {
        StringBuilder escaped = new StringBuilder();
        for (char c : prefix.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static Query listQuery(Query query, Sort order) {
        query.with(order);
        query.fields().exclude("facts", "consumedEventIds", "outbox");
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
