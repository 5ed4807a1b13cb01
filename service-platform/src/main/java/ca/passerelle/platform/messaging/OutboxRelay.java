package ca.passerelle.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Publishes the events waiting in aggregate documents. For each event: send with acks=all on an idempotent producer,
 * wait for the broker's acknowledgement, then remove it from its document. A crash between the two re-publishes the
 * event (consumers de-duplicate on its id); a send that fails leaves it in place for the next pass. The events of one
 * document go out in the order they were raised, keyed by their subject.
 *
 * <p>Several instances of a service may run: a relay takes a document's outbox under a short lease (one conditional
 * single-document update) before publishing it, so the instances never publish the same entry twice.
 *
 * <p>When the broker acknowledged an event but its removal from the document failed (the database unreachable for a
 * while), the relay remembers the id: the next pass removes the entry without sending it again, so a database outage
 * puts no duplicate on the topic. Only a crash in that window still re-publishes (then consumers de-duplicate).
 *
 * <p>A write that raised events names its document ({@link #wakeUp(String, Object)}): the relay claims that document by
 * its id at once, without looking through the collection, and looks through every outbox collection only once per
 * {@code relayInterval} (documents of other instances, leases that expired, a name that did not arrive). The look-through
 * reads every document of a collection on a server without a usable index on {@code outbox} (mongo-java-server), so
 * running it for every event made each event cost as much as the collection is large (benchmarks P3 and P4).
 *
 * <p>Each event is sent in the trace it was raised in: in a span {@code passerelle.outbox.relay}, child of the
 * {@code traceparent} kept with the entry, around the observed Kafka send, whose {@code traceparent} header the
 * consumers continue. Without tracing, the kept {@code traceparent} is copied to the record as it is.
 */
public class OutboxRelay implements SmartLifecycle {

    static final String LEASE_UNTIL = "outboxLeaseUntil";
    static final String LEASE_OWNER = "outboxLeaseOwner";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final MessagingProperties properties;
    private final List<String> collections;
    private final Semaphore wakeUps = new Semaphore(0);
    /** Documents saved with new events, relayed by id first; bounded (beyond it, the periodic pass finds them). */
    private final BlockingQueue<Written> written = new LinkedBlockingQueue<>(10_000);
    private final AtomicBoolean paused = new AtomicBoolean();
    /** Events the broker acknowledged whose removal from their document has not succeeded yet. */
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** This relay, among the instances of its service, as the owner of the outbox leases it takes. */
    private final String instance = UUID.randomUUID().toString();
    private final Counter published;
    private final Counter failures;
    private final ObservationRegistry observations;
    private volatile boolean running;
    /** When the last pass over every collection started ({@link System#nanoTime()}); 0: one is due. */
    private volatile long lastFullPass;
    private Thread worker;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, MessagingProperties properties,
            List<String> collections, MeterRegistry meters) {
        this(mongo, kafka, properties, collections, meters, ObservationRegistry.NOOP);
    }

    /** A relay whose sends are observed: Kafka producer spans in the events' own traces, and their timers. */
    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, MessagingProperties properties,
            List<String> collections, MeterRegistry meters, ObservationRegistry observations) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.collections = List.copyOf(collections);
        this.published = Counter.builder("passerelle.outbox.published").description("Events the broker acknowledged").register(meters);
        this.failures = Counter.builder("passerelle.outbox.publish.failures").description("Relay passes stopped by a failed send").register(meters);
        this.observations = observations;
        if (!observations.isNoop()) {
            kafka.setObservationRegistry(observations);
            kafka.setObservationEnabled(true);
        }
        Gauge.builder("passerelle.outbox.pending", this, OutboxRelay::countPendingEvents)
                .description("Events raised and not yet acknowledged by the broker, in every outbox of this service").register(meters);
    }

    /** Asks for a pass over every outbox collection now. */
    public void wakeUp() {
        lastFullPass = 0;
        wakeUps.release();
    }

    /**
     * Asks for the outbox of this one document to be published now, right after it was saved with new events. A
     * collection this relay does not serve is left to its periodic pass.
     */
    public void wakeUp(String collection, Object id) {
        if (collections.contains(collection)) {
            written.offer(new Written(collection, id));
        }
        wakeUps.release();
    }

    private record Written(String collection, Object id) {
    }

    /** Stops publishing until {@link #resume()}; events keep accumulating safely in their documents. */
    public void pause() {
        paused.set(true);
    }

    public void resume() {
        paused.set(false);
        wakeUp();
    }

    /**
     * Publishes the outboxes of the documents named by {@link #wakeUp(String, Object)} since the last call, each claimed
     * by its id. A document another relay holds, or whose outbox is already empty, is skipped.
     *
     * @return how many events the broker acknowledged
     */
    int relayWritten() {
        java.util.List<Written> batch = new java.util.ArrayList<>();
        written.drainTo(batch);
        int count = 0;
        for (Written document : new LinkedHashSet<>(batch)) {
            Document claimed = claim(document.collection(), document.id());
            if (claimed != null) {
                try {
                    count += relayDocument(document.collection(), claimed);
                } finally {
                    release(document.collection(), claimed.get("_id"));
                }
            }
        }
        return count;
    }

    /**
     * One pass over every outbox collection.
     *
     * @return how many events the broker acknowledged
     */
    public int relayOnce() {
        int count = 0;
        for (String collection : collections) {
            Query pending = new Query(Criteria.where("outbox.0").exists(true)).limit(properties.relayBatchSize());
            pending.fields().include("_id");
            for (Document candidate : mongo.find(pending, Document.class, collection)) {
                Document claimed = claim(collection, candidate.get("_id"));
                if (claimed != null) {
                    try {
                        count += relayDocument(collection, claimed);
                    } finally {
                        release(collection, claimed.get("_id"));
                    }
                }
            }
        }
        return count;
    }

    /**
     * Takes the document's outbox for this relay alone, for a lease as long as two sends may take, so that two instances
     * of a service never publish the same entry: a single-document conditional update, free or expired lease only. The
     * lease fields are not part of the aggregate and leave its version alone (a save of the aggregate drops them: in that
     * short window another relay may take the outbox too, and consumers de-duplicate). A lease of this relay's own that
     * it could not release (database away) is taken again. Null when another relay holds it or the outbox was emptied.
     */
    private Document claim(String collection, Object id) {
        Date now = new Date();
        Query free = Query.query(new Criteria().andOperator(Criteria.where("_id").is(id), Criteria.where("outbox.0").exists(true),
                new Criteria().orOperator(Criteria.where(LEASE_UNTIL).exists(false), Criteria.where(LEASE_UNTIL).lt(now),
                        Criteria.where(LEASE_OWNER).is(instance))));
        free.fields().include("outbox");
        Update lease = new Update().set(LEASE_UNTIL, new Date(now.getTime() + 2 * properties.sendTimeout().toMillis() + 1000))
                .set(LEASE_OWNER, instance);
        return mongo.findAndModify(free, lease, FindAndModifyOptions.options().returnNew(true), Document.class, collection);
    }

    private void release(String collection, Object id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(LEASE_OWNER).is(instance)),
                new Update().unset(LEASE_UNTIL).unset(LEASE_OWNER), collection);
    }

    private int relayDocument(String collection, Document document) {
        int count = 0;
        for (Document raw : document.getList("outbox", Document.class)) {
            OutboxEntry entry = mongo.getConverter().read(OutboxEntry.class, raw);
            if (!acknowledged.contains(entry.eventId())) {
                send(entry);
                acknowledged.add(entry.eventId());
                published.increment();
                count++;
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))),
                    new Update().pull("outbox", new Document("eventId", entry.eventId())).inc("version", 1), collection);
            acknowledged.remove(entry.eventId());
        }
        return count;
    }

    private void send(OutboxEntry entry) {
        Context parent = TraceParents.parent(entry.traceparent());
        try (Scope scope = parent.makeCurrent()) {
            Observation.createNotStarted("passerelle.outbox.relay", observations)
                    .contextualName("outbox relay")
                    .lowCardinalityKeyValue("event.type", entry.type())
                    .observe(() -> sendInTrace(entry, Span.fromContext(parent).getSpanContext()));
        }
    }

    private void sendInTrace(OutboxEntry entry, SpanContext parent) {
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, entry.eventId(), properties.source(), entry.type(),
                entry.time(), entry.subject(), EventEnvelope.DATA_CONTENT_TYPE, entry.sequence(),
                EventCodec.mapper().readTree(entry.data()));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(entry.topic(), entry.subject(), EventCodec.write(envelope));
        record.headers().add("content-type", EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        SpanContext current = Span.current().getSpanContext();
        boolean traced = current.isValid() && !current.getSpanId().equals(parent.getSpanId());
        if (!traced && entry.traceparent() != null) {
            // No tracer to start a child span (and the send is not observed): the event keeps the trace it was raised in.
            record.headers().add(TraceParents.HEADER, entry.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        try {
            kafka.send(record).get(properties.sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + entry.type(), e);
        } catch (Exception e) {
            throw new IllegalStateException("broker did not acknowledge " + entry.type() + " " + entry.eventId(), e);
        }
    }

    /** Ids of events the broker acknowledged and that still wait to be removed from their document (for tests). */
    Set<String> acknowledgedNotRemoved() {
        return Set.copyOf(acknowledged);
    }

    /** Outbox entries (not documents) waiting, over every outbox collection. */
    private double countPendingEvents() {
        long total = 0;
        for (String collection : collections) {
            List<Document> pipeline = List.of(
                    new Document("$match", new Document("outbox.0", new Document("$exists", true))),
                    new Document("$project", new Document("pending", new Document("$size", "$outbox"))),
                    new Document("$group", new Document("_id", null).append("pending", new Document("$sum", "$pending"))));
            for (Document result : mongo.getCollection(collection).aggregate(pipeline)) {
                total += ((Number) result.get("pending")).longValue();
            }
        }
        return total;
    }

    private void loop() {
        long interval = properties.relayInterval().toNanos();
        long backOff = properties.relayInterval().toMillis();
        while (running) {
            try {
                wakeUps.tryAcquire(backOff, TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                if (!running || paused.get()) {
                    continue;
                }
                relayWritten();
                long now = System.nanoTime();
                if (lastFullPass == 0 || now - lastFullPass >= interval) {
                    lastFullPass = now;
                    relayOnce();
                }
                backOff = properties.relayInterval().toMillis();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                lastFullPass = 0;
                failures.increment();
                backOff = Math.min(backOff * 2, 30_000);
                log.warn("Outbox relay pass failed, next try in {} ms: {}", backOff, e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        running = true;
        if (!properties.relayEnabled()) {
            paused.set(true);
        }
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
        log.info("Outbox relay started for collections {}", collections);
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(properties.sendTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
