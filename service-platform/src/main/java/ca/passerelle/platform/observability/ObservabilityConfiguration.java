package ca.passerelle.platform.observability;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The case-stage metrics API and the case id of HTTP requests in the logs. Tracing itself (Micrometer Tracing on
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

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class CaseIdHttpLogging implements WebMvcConfigurer {

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new CaseIdLogging());
        }
    }
}
