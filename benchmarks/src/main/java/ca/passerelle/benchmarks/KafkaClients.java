package ca.passerelle.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The plain clients of the ladder: every producer acks=all with idempotence on and linger.ms=0 — the Spring Cloud Stream
 * Kafka binder's default (batch-timeout 0) and the outbox relay's setting, so P1 differs from P2/P3 by the framework
 * only, not by batching; every group starts at the earliest offset.
 */
final class KafkaClients {

    static final int PARTITIONS = 3;

    private KafkaClients() {
    }

    static KafkaProducer<byte[], byte[]> producer(String bootstrap, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    /**
     * Waits until every partition of the new topics has a leader the broker itself reports. Producing at once to a topic
     * whose leaders are not known everywhere yet got NOT_LEADER_OR_FOLLOWER, after which the idempotent producer kept
     * failing with OUT_OF_ORDER_SEQUENCE_NUMBER until its records expired (the CI smoke run of 2026-12-05).
     */
    private static void awaitLeaders(Admin admin, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            boolean ready;
            try {
                ready = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                        .allMatch(description -> description.partitions().size() == PARTITIONS
                                && description.partitions().stream().allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty()));
            } catch (java.util.concurrent.ExecutionException e) {
                ready = false; // not known yet
            }
            if (ready) {
                Thread.sleep(500); // and the producers' first metadata answer carries them
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no leader for every partition of " + topics + " within 30 s");
            }
            Thread.sleep(100);
        }
    }

    /** Creates the topics empty; a topic left by an earlier level of the run (P3 and P3-json share the pathway's) is deleted first. */
    static void createTopics(String bootstrap, List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(topics::contains).toList();
            if (!existing.isEmpty()) {
                admin.deleteTopics(existing).all().get(30, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().anyMatch(existing::contains)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("topics " + existing + " not deleted within 30 s");
                    }
                    Thread.sleep(100);
                }
            }
            admin.createTopics(topics.stream().map(topic -> new NewTopic(topic, PARTITIONS, (short) 1)).toList()).all()
                    .get(30, TimeUnit.SECONDS);
            awaitLeaders(admin, topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics " + topics, e);
        }
    }
}
