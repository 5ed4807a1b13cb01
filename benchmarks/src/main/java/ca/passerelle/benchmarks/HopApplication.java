package ca.passerelle.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One hop of P2/P3 as its own Spring Boot application context (a "service"), with the project's shared defaults
 * ({@code ServiceDefaults}: acks=all, consumer group per application, retries, dead letters) and Spring Cloud Stream's
 * Kafka binder. No web server: the HTTP side is not on the event path. No component scan: each hop brings its one
 * configuration class.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class HopApplication {

    /** Not on the event path of P2/P3 (HTTP, security, audit, health). */
    static final List<String> OFF_THE_EVENT_PATH = List.of(
            "ca.passerelle.platform.health.HealthConfiguration",
            "ca.passerelle.platform.web.WebConfiguration",
            "ca.passerelle.platform.security.SecurityConfiguration",
            "ca.passerelle.platform.audit.AuditConfiguration");

    /** P2 has no database: no MongoDB, hence no outbox. */
    static final List<String> NO_DATABASE = List.of(
            "ca.passerelle.platform.messaging.MessagingConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveRepositoriesAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration");

    static ConfigurableApplicationContext start(Class<?> hop, String name, String bootstrap, String function, String in, String out,
            List<String> excluded, Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.application.name", name);
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.jmx.enabled", "false");
        properties.put("logging.level.root", "WARN");
        // the outbox relay's producer is not a bean, so it outlives its context: quiet its reconnect warnings after the broker stops
        properties.put("logging.level.org.apache.kafka.clients.NetworkClient", "ERROR");
        properties.put("spring.kafka.bootstrap-servers", bootstrap);
        properties.put("spring.cloud.function.definition", function);
        properties.put("spring.cloud.stream.bindings." + function + "-in-0.destination", in);
        if (out != null) {
            properties.put("spring.cloud.stream.bindings." + function + "-out-0.destination", out);
        }
        properties.put("spring.cloud.stream.kafka.default.consumer.start-offset", "earliest");
        properties.put("spring.autoconfigure.exclude", String.join(",", excluded));
        properties.putAll(extra);
        return new SpringApplicationBuilder(HopApplication.class, hop).web(WebApplicationType.NONE).properties(properties)
                .registerShutdownHook(false).run();
    }
}
