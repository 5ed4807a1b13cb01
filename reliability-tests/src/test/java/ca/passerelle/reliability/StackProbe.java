package ca.passerelle.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.InvalidEventException;
import ca.passerelle.localstack.LocalStack;
import ca.passerelle.testinfra.TopicProbe;

/** What the checker reads, from outside the services: records on the topics, consumer-group offsets, and the services' documents. */
final class StackProbe implements AutoCloseable {

    private final String bootstrap;
    private final MongoClient mongo;

    StackProbe(LocalStack stack) {
        this.bootstrap = stack.kafkaBootstrapServers();
        this.mongo = MongoClients.create(stack.mongoUri(""));
    }

    /** Every readable event on the topic (records that are not valid events are skipped: they are the poison scenario's). */
    List<ObservedEvent> events(String topic) {
        List<ObservedEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TopicProbe.readAll(bootstrap, topic)) {
            try {
                EventEnvelope envelope = EventCodec.read(record.value());
                events.add(new ObservedEvent(topic, record.partition(), record.offset(), envelope.id(), envelope.subject(), envelope.type(),
                        envelope.sequence()));
            } catch (InvalidEventException | IllegalArgumentException e) {
                // not an event: counted by the scenarios that wrote it
            }
        }
        return events;
    }

    List<ObservedEvent> events(String... topics) {
        List<ObservedEvent> all = new ArrayList<>();
        for (String topic : topics) {
            all.addAll(events(topic));
        }
        return all;
    }

    List<ConsumerRecord<String, byte[]>> records(String topic) {
        return TopicProbe.readAll(bootstrap, topic);
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    /** Latest offsets of every partition of the topics (an absent topic has none). */
    Map<TopicPartition, Long> endOffsets(String... topics) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    continue;
                }
                admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                        .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> end = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> end.put(tp, info.offset()));
            return end;
        } catch (Exception e) {
            throw new IllegalStateException("could not read end offsets: " + e.getMessage(), e);
        }
    }

    Map<TopicPartition, Long> committed(String group, String topic) {
        try (Admin admin = admin()) {
            Map<TopicPartition, Long> committed = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).forEach((tp, offset) -> {
                if (tp.topic().equals(topic) && offset != null) {
                    committed.put(tp, offset.offset());
                }
            });
            return committed;
        } catch (Exception e) {
            throw new IllegalStateException("could not read the offsets of " + group + ": " + e.getMessage(), e);
        }
    }

    /** Records of the topic the group has not committed yet (all of them for a partition it never committed). */
    long lag(String group, String topic) {
        Map<TopicPartition, Long> committed = committed(group, topic);
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : endOffsets(topic).entrySet()) {
            lag += Math.max(0, end.getValue() - committed.getOrDefault(end.getKey(), 0L));
        }
        return lag;
    }

    /**
     * Moves a stopped group's committed offsets on one topic, as {@code kafka-consumer-groups --reset-offsets} does; retried
     * while the broker still counts the stopped member in the group.
     */
    void moveOffsets(String group, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> target = new HashMap<>();
        offsets.forEach((tp, offset) -> target.put(tp, new OffsetAndMetadata(offset)));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin()) {
                admin.alterConsumerGroupOffsets(group, target).all().get(15, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                last = e;
            } catch (Exception e) {
                last = e;
            }
            pause(Duration.ofSeconds(2));
        }
        throw new IllegalStateException("could not move the offsets of " + group, last);
    }

    Map<TopicPartition, Long> beginning(String topic) {
        Map<TopicPartition, Long> beginning = new HashMap<>();
        endOffsets(topic).keySet().forEach(tp -> beginning.put(tp, 0L));
        return beginning;
    }

    /** Every document of a service's database, per collection then id, as canonical JSON. */
    Map<String, Map<String, String>> documents(String database) {
        Map<String, Map<String, String>> all = new TreeMap<>();
        for (String collection : mongo.getDatabase(database).listCollectionNames()) {
            Map<String, String> byId = new TreeMap<>();
            for (Document document : mongo.getDatabase(database).getCollection(collection).find()) {
                byId.put(String.valueOf(document.get("_id")), document.toJson());
            }
            all.put(collection, byId);
        }
        return all;
    }

    Document document(String database, String collection, String id) {
        return mongo.getDatabase(database).getCollection(collection).find(new Document("_id", id)).first();
    }

    /** Over the cases' documents: consumed event ids recorded more than once (an event applied twice). */
    int stateDuplicates(String database, String collection, Collection<String> ids) {
        int duplicates = 0;
        for (String id : ids) {
            Document document = document(database, collection, id);
            if (document == null) {
                continue;
            }
            List<String> consumed = document.getList("consumedEventIds", String.class, List.of());
            duplicates += consumed.size() - new HashSet<>(consumed).size();
        }
        return duplicates;
    }

    int countPresent(String database, String collection, Collection<String> ids) {
        int present = 0;
        for (String id : ids) {
            if (document(database, collection, id) != null) {
                present++;
            }
        }
        return present;
    }

    /** Sum of a Prometheus sample's values over the series whose labels contain every given fragment. */
    static double metric(String exposition, String name, String... labelFragments) {
        double sum = 0;
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})?\\s+(\\S+)").matcher(exposition);
        while (line.find()) {
            String labels = line.group(1) == null ? "" : line.group(1);
            boolean matches = true;
            for (String fragment : labelFragments) {
                matches &= labels.contains(fragment);
            }
            if (matches) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }

    /** Waits for the condition; returns how long it took. */
    static Duration await(String what, Duration timeout, BooleanSupplier condition) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (RuntimeException e) {
                // the broker or a service may still be coming back
            }
            pause(Duration.ofMillis(500));
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        mongo.close();
    }
}
