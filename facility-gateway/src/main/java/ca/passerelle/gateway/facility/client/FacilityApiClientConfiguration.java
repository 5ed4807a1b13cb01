package ca.passerelle.gateway.facility.client;

import java.net.http.HttpClient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import ca.passerelle.gateway.facility.FacilityApi;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.common.retry.configuration.CommonRetryConfigurationProperties;
import io.github.resilience4j.common.retry.configuration.CommonRetryConfigurationProperties.InstanceProperties;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;

/** The upstream client and what guards it; the numbers live in application.yml under resilience4j.*.instances.facility-api. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UpstreamProperties.class)
class FacilityApiClientConfiguration {

    /** The name of every Resilience4j instance guarding the facility-availability API. */
    static final String FACILITY_API = "facility-api";

    @Bean
    FacilityApi facilityApi(RestClient.Builder builder, UpstreamProperties properties, CircuitBreakerRegistry breakers,
            RetryRegistry retries, RateLimiterRegistry rateLimiters, BulkheadRegistry bulkheads) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(properties.readTimeout());
        RestClient rest = builder.clone()
                .baseUrl(properties.baseUrl().toString())
                .requestFactory(requestFactory)
                .build();
        return new FacilityApiClient(rest, breakers.circuitBreaker(FACILITY_API), retries.retry(FACILITY_API),
                rateLimiters.rateLimiter(FACILITY_API), bulkheads.bulkhead(FACILITY_API), properties);
    }

    /**
     * Completes the {@code facility-api} retry from application.yml with what properties cannot say: which failures are
     * retryable, and that upstream's Retry-After beats the exponential back-off with jitter.
     */
    @Bean
    RetryConfigCustomizer facilityApiRetryPolicy(CommonRetryConfigurationProperties retryProperties, UpstreamProperties upstream) {
        return RetryConfigCustomizer.of(FACILITY_API, builder -> {
            InstanceProperties configured = retryProperties.getBackendProperties(FACILITY_API);
            IntervalFunction exponentialWithJitter = IntervalFunction.ofExponentialRandomBackoff(configured.getWaitDuration(),
                    configured.getExponentialBackoffMultiplier(), configured.getRandomizedWaitFactor(),
                    configured.getExponentialMaxWaitDuration());
            builder.retryOnException(UpstreamRetryPolicy.retryable(upstream.maxHonouredRetryAfter()))
                    .intervalBiFunction(UpstreamRetryPolicy.backOff(exponentialWithJitter));
        });
    }
}
