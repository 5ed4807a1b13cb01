package ca.passerelle.platform.observability;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The case-stage metrics API, the case's trace for work a service starts by itself ({@link CaseTraces}), and the case
 * id of HTTP requests in the logs. Tracing itself (Micrometer Tracing on
 * OpenTelemetry, 100 % sampled unless configured, Kafka observation on the binder, the trace and case ids in the log
 * pattern) comes from Spring Boot and the platform's defaults ({@code ServiceDefaults}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
public class ObservabilityConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CaseStageMetrics caseStageMetrics(MeterRegistry meters) {
        return new CaseStageMetrics(meters);
    }

    @Bean
    @ConditionalOnMissingBean
    CaseTraces caseTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new CaseTraces(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class CaseIdHttpLogging implements WebMvcConfigurer {

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new CaseIdLogging());
        }
    }
}
