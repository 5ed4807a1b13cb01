package ca.passerelle.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The messaging, HTTP and security defaults every service shares, added with the lowest precedence so that a service's own
 * configuration (or the operator's) always wins: one broker setting, a consumer group per service, retries with
 * back-off for transient failures within the poll interval, dead letters for the rest, invalid events never retried.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "passerelleServiceDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.cloud.stream.kafka.binder.brokers", "${spring.kafka.bootstrap-servers:localhost:9092}");
        defaults.put("spring.cloud.stream.kafka.binder.required-acks", "all");
        defaults.put("spring.cloud.stream.kafka.binder.min-partition-count", "3");
        defaults.put("spring.cloud.stream.default.group", "${spring.application.name}");
        defaults.put("spring.cloud.stream.default.consumer.max-attempts", "4");
        defaults.put("spring.cloud.stream.default.consumer.back-off-initial-interval", "300");
        defaults.put("spring.cloud.stream.default.consumer.back-off-multiplier", "3");
        defaults.put("spring.cloud.stream.default.consumer.back-off-max-interval", "5000");
        defaults.put("spring.cloud.stream.default.consumer.retryable-exceptions.ca.passerelle.events.InvalidEventException", "false");
        defaults.put("spring.cloud.stream.kafka.default.consumer.enable-dlq", "true");
        defaults.put("spring.cloud.stream.kafka.default.consumer.dlq-partitions", "1");
        defaults.put("passerelle.messaging.source", "/passerelle/${spring.application.name}");
        defaults.put("spring.data.mongodb.auto-index-creation", "true");
        defaults.put("spring.mvc.problemdetails.enabled", "true");
        defaults.put("management.health.mongo.enabled", "false");
        // prometheus is exposed for OPERATOR tokens only (SecurityConfiguration); metrics stays denied to everyone.
        defaults.put("management.endpoints.web.exposure.include", "health,info,metrics,prometheus");
        // Spring Data's Pageable resolver clamps to this; the platform refuses larger pages before it (PageableLimitInterceptor).
        defaults.put("spring.data.web.pageable.max-page-size", "${passerelle.http.max-page-size:100}");
        defaults.put("management.endpoint.health.show-components", "always");
        // Liveness and readiness groups everywhere, not only when Boot detects Kubernetes (compose and the local run probe them too).
        defaults.put("management.endpoint.health.probes.enabled", "true");
        // Latency percentiles are computed by Prometheus from histogram buckets (the Grafana p99 panels).
        defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        defaults.put("passerelle.security.issuer", "http://127.0.0.1:9000");
        defaults.put("spring.security.oauth2.client.provider.passerelle.token-uri", "${passerelle.security.issuer}/oauth2/token");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }
}
