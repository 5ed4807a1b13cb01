package ca.passerelle.platform.messaging;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.ProducerListener;

/**
 * Record-metadata-only logging for Spring Kafka (see {@link KafkaRecordLogging}): runs before Spring Boot's Kafka
 * auto-configuration so that its payload-logging {@code ProducerListener} is never created, and the Kafka binder
 * and every {@code KafkaTemplate} built by Boot take this one.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(ProducerListener.class)
public class KafkaLoggingConfiguration {

    public KafkaLoggingConfiguration() {
        KafkaRecordLogging.enforce();
    }

    /** Named like Boot's own bean, which it replaces (Boot's is conditional on no {@code ProducerListener}). */
    @Bean
    @ConditionalOnMissingBean(ProducerListener.class)
    ProducerListener<Object, Object> kafkaProducerListener() {
        return KafkaRecordLogging.producerListener();
    }
}
