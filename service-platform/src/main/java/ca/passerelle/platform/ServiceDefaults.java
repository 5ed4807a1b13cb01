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

    /** Boot's {@code logging.pattern.correlation}: trace and span ids from Micrometer Tracing, the case id from the platform. */
    public static final String CORRELATION_PATTERN = "[trace=%X{traceId:-} span=%X{spanId:-} case=%X{caseId:-}] ";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.cloud.stream.kafka.binder.brokers", "${spring.kafka.bootstrap-servers:localhost:9092}");
        defaults.put("spring.cloud.stream.kafka.binder.required-acks", "all");
        defaults.put("spring.cloud.stream.kafka.binder.min-partition-count", "3");
        // A killed instance's partitions go to the others (or to its restarted self) within 10 s, not Kafka's default 45 s
        // (reliability-tests: lag back to zero within 30 s of a kill -9).
        defaults.put("spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms", "10000");
        defaults.put("spring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms", "3000");
        defaults.put("spring.cloud.stream.default.group", "${spring.application.name}");
        // Listeners take the record's bytes (Message<byte[]>) and read the CloudEvents envelope themselves: with the
        // framework's application/json default, Spring Cloud Function ran a JSON conversion on every record for nothing
        // (benchmarks P2: 2.7× the throughput without it).
        defaults.put("spring.cloud.stream.default.content-type", "application/octet-stream");
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
        // No service serves files: no static-resource or WebJar routes behind the API (RouteInventory would list them).
        // A service with pages (the dashboard) maps its own assets.
        defaults.put("spring.web.resources.add-mappings", "false");
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
        // Tracing (Micrometer Tracing on OpenTelemetry): every request and event traced unless the operator samples less;
        // spans are exported only when management.opentelemetry.tracing.export.otlp.endpoint is set.
        defaults.put("management.tracing.sampling.probability", "1.0");
        // Kafka consumers continue the producer's trace (W3C traceparent header), binder producers propagate it.
        defaults.put("spring.cloud.stream.kafka.binder.enable-observation", "true");
        // Every log line names its trace, span and case (ids only): "[trace=<32 hex> span=<16 hex> case=<case id>] ".
        defaults.put("logging.pattern.correlation", CORRELATION_PATTERN);
        defaults.put("passerelle.security.issuer", "http://127.0.0.1:9000");
        defaults.put("spring.security.oauth2.client.provider.passerelle.token-uri", "${passerelle.security.issuer}/oauth2/token");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }
}
