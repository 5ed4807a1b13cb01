package ca.passerelle.dashboard.deadletters.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import ca.passerelle.dashboard.deadletters.DeadLetter;
import ca.passerelle.dashboard.deadletters.Republisher;

/**
 * Replays a dead letter on the broker: reads the record at its dead-letter topic, partition and offset (assigned, no
 * consumer group), and publishes its key, value and headers again to the original topic — minus the headers the
 * dead-lettering added ({@code x-exception-*}, {@code x-original-*}, {@code kafka_dlt-*}), plus
 * {@value #REPLAY_OF} naming the dead letter. The key chooses the partition as for the first publication, so the
 * case's events stay in one partition. Producer idempotent, {@code acks=all}; connection settings
 * ({@code spring.kafka.*}, e.g. SASL) as the rest of the dashboard.
 */
@Component
class KafkaRepublisher implements Republisher, DisposableBean {

    static final String REPLAY_OF = "x-passerelle-replay-of";
    private static final List<String> DEAD_LETTER_HEADER_PREFIXES = List.of("x-exception-", "x-original-", "kafka_dlt-");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProperties kafka;
    private volatile KafkaProducer<byte[], byte[]> producer;

    KafkaRepublisher(KafkaProperties kafka) {
        this.kafka = kafka;
    }

    @Override
    public void republish(DeadLetter deadLetter, String toTopic, String replayedBy) {
        ConsumerRecord<byte[], byte[]> original = read(deadLetter);
        List<Header> headers = new ArrayList<>();
        for (Header header : original.headers()) {
            if (!isDeadLetterHeader(header.key())) {
                headers.add(header);
            }
        }
        headers.add(new RecordHeader(REPLAY_OF, deadLetter.id().getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(new ProducerRecord<>(toTopic, null, original.key(), original.value(), headers))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayFailedException("interrupted while publishing", e);
        } catch (Exception e) {
            throw new ReplayFailedException("the broker did not acknowledge the replay", e);
        }
    }

    static boolean isDeadLetterHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return DEAD_LETTER_HEADER_PREFIXES.stream().anyMatch(lower::startsWith);
    }

    private ConsumerRecord<byte[], byte[]> read(DeadLetter deadLetter) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "operations-dashboard-replay");
        TopicPartition partition = new TopicPartition(deadLetter.topic(), deadLetter.partition());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, deadLetter.offset());
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == deadLetter.offset()) {
                        return record;
                    }
                    if (record.offset() > deadLetter.offset()) {
                        throw new ReplayFailedException("the dead letter is no longer on its topic", null);
                    }
                }
            }
        } catch (ReplayFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ReplayFailedException("the dead letter could not be read", e);
        }
        throw new ReplayFailedException("the dead letter could not be read in time", null);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        KafkaProducer<byte[], byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> config = kafka.buildProducerProperties();
                    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
                    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
                    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    config.put(ProducerConfig.CLIENT_ID_CONFIG, "operations-dashboard-replay");
                    producer = new KafkaProducer<>(config);
                }
                current = producer;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        KafkaProducer<byte[], byte[]> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }
}
