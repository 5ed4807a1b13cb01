package ca.passerelle.travel.feed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import ca.passerelle.platform.messaging.MessagingProperties;
import ca.passerelle.platform.messaging.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The platform's outbox relay, run on the hospital-feed collection: the platform relay only serves aggregate documents,
 * and a feed document is not one (its sequence is the hospital's, not a case's). Same guarantees: idempotent producer,
 * acks=all, an event leaves the outbox only once the broker acknowledged it; the events of one hospital go out in
 * sequence order, keyed by the hospital id (one partition per hospital).
 */
@Component
public class HospitalFeedRelay implements SmartLifecycle {

    private final OutboxRelay relay;

    HospitalFeedRelay(MongoTemplate mongo, KafkaConnectionDetails kafka, MessagingProperties properties, MeterRegistry meters) {
        this.relay = new OutboxRelay(mongo, kafkaTemplate(kafka, properties), properties, List.of(HospitalFeed.COLLECTION), meters);
    }

    void wakeUp() {
        relay.wakeUp();
    }

    /** One pass, for tests. */
    public int relayOnce() {
        return relay.relayOnce();
    }

    @Override
    public void start() {
        relay.start();
    }

    @Override
    public void stop() {
        relay.stop();
    }

    @Override
    public boolean isRunning() {
        return relay.isRunning();
    }

    private static KafkaTemplate<String, byte[]> kafkaTemplate(KafkaConnectionDetails kafka, MessagingProperties properties) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getProducer().getBootstrapServers()));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        int timeout = (int) properties.sendTimeout().toMillis();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeout / 2));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "hospital-feed-relay");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }
}
