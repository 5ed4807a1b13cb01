package ca.passerelle.platform.audit;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import ca.passerelle.platform.messaging.MessagingConfiguration;

/** Gives every service its audit trail. */
@AutoConfiguration(after = MessagingConfiguration.class)
public class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(MongoTemplate mongo, Clock clock) {
        return new AuditTrail(mongo, clock);
    }
}
