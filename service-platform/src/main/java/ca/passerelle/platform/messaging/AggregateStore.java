package ca.passerelle.platform.messaging;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

import ca.passerelle.events.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one way services write aggregates: every write is a single-document update guarded by the document's version,
 * carrying the state change, the events it raised and, for consumed events, the event id that makes a second delivery
 * change nothing. A lost race is retried on a fresh copy.
 */
public class AggregateStore {

    private static final Logger log = LoggerFactory.getLogger(AggregateStore.class);
    private static final int ATTEMPTS = 10;

    /** What applying a consumed event did. */
    public enum Outcome {
        APPLIED,
        /** The document had already consumed this event id: nothing changed. */
        DUPLICATE,
        /** There is no document to apply it to and the event does not create one. */
        NO_AGGREGATE
    }

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final MeterRegistry meters;

    public AggregateStore(MongoTemplate mongo, OutboxRelay relay, MeterRegistry meters) {
        this.mongo = mongo;
        this.relay = relay;
        this.meters = meters;
    }

    /** Stores a new aggregate with the events it raised; fails with {@link DuplicateKeyException} if its id exists. */
    public <A extends AggregateDocument> A insert(A aggregate) {
        aggregate.keepCaseTrace();
        A saved = mongo.insert(aggregate);
        wakeUpRelay(saved, null);
        return saved;
    }

    public <A extends AggregateDocument> Optional<A> find(Class<A> type, Object id) {
        return Optional.ofNullable(mongo.findById(id, type));
    }

    /** Changes an existing aggregate; empty if there is none. */
    public <A extends AggregateDocument> Optional<A> update(Class<A> type, Object id, Consumer<A> change) {
        for (int attempt = 1; ; attempt++) {
            A aggregate = mongo.findById(id, type);
            if (aggregate == null) {
                return Optional.empty();
            }
            change.accept(aggregate);
            try {
                A saved = mongo.save(aggregate);
                wakeUpRelay(saved, id);
                return Optional.of(saved);
            } catch (OptimisticLockingFailureException e) {
                retryOrGiveUp(attempt, type, e);
            }
        }
    }

    /**
     * Applies a consumed event exactly once. {@code creator} makes the aggregate when the event is the first about it
     * (null when the event never creates one).
     */
    public <A extends AggregateDocument> Outcome apply(Class<A> type, Object id, EventEnvelope event, Supplier<A> creator,
            Consumer<A> change) {
        Outcome outcome = applyOnce(type, id, event, creator, change);
        meters.counter("passerelle.events.consumed", "type", event.type(), "outcome", outcome.name().toLowerCase()).increment();
        if (outcome != Outcome.APPLIED) {
            log.debug("Event {} {} for {}: {}", event.type(), event.id(), type.getSimpleName(), outcome);
        }
        return outcome;
    }

    private <A extends AggregateDocument> Outcome applyOnce(Class<A> type, Object id, EventEnvelope event, Supplier<A> creator,
            Consumer<A> change) {
        for (int attempt = 1; ; attempt++) {
            A aggregate = mongo.findById(id, type);
            if (aggregate == null) {
                if (creator == null) {
                    return Outcome.NO_AGGREGATE;
                }
                aggregate = creator.get();
            }
            if (aggregate.hasConsumed(event.id())) {
                return Outcome.DUPLICATE;
            }
            change.accept(aggregate);
            aggregate.markConsumed(event.id());
            try {
                mongo.save(aggregate);
                wakeUpRelay(aggregate, id);
                return Outcome.APPLIED;
            } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
                retryOrGiveUp(attempt, type, e);
            }
        }
    }

    /** Names the document to the relay when the write raised events (the relay then publishes them without a search). */
    private void wakeUpRelay(AggregateDocument saved, Object id) {
        if (saved.pendingEvents().isEmpty()) {
            return;
        }
        Object documentId = id != null ? id
                : mongo.getConverter().getMappingContext().getRequiredPersistentEntity(saved.getClass()).getIdentifierAccessor(saved).getIdentifier();
        relay.wakeUp(mongo.getCollectionName(saved.getClass()), mongo.getConverter().convertToMongoType(documentId));
    }

    private static void retryOrGiveUp(int attempt, Class<?> type, RuntimeException e) {
        if (attempt >= ATTEMPTS) {
            throw e;
        }
        log.debug("Concurrent write on {}, attempt {}", type.getSimpleName(), attempt);
    }
}
