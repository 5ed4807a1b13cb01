package ca.passerelle.gateway.facility.client;

import java.net.http.HttpClient;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

/** The upstream client and what guards it; the numbers live in application.yml under resilience4j.*.instances.facility-api. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UpstreamProperties.class)
class FacilityApiClientConfiguration {

    /** The name of every Resilience4j instance guarding the facility-availability API. */
    static final String FACILITY_API = "facility-api";

    /**
     * The bounded pool the time-limited calls run on: {@code call-threads} threads, no queue. A call that finds them all
     * busy is refused at once (as a full bulkhead) instead of waiting; the bulkhead in front keeps that rare.
     */
    @Bean(destroyMethod = "shutdownNow")
    ThreadPoolExecutor facilityApiCalls(UpstreamProperties properties) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "facility-api-call-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(properties.callThreads(), properties.callThreads(), 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                threads, new ThreadPoolExecutor.AbortPolicy());
    }

    @Bean
    FacilityApi facilityApi(RestClient.Builder builder, UpstreamProperties properties, CircuitBreakerRegistry breakers,
            RetryRegistry retries, RateLimiterRegistry rateLimiters, BulkheadRegistry bulkheads, TimeLimiterRegistry timeLimiters,
            ThreadPoolExecutor facilityApiCalls) {
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
        FacilityApiClient.Guards guards = new FacilityApiClient.Guards(breakers.circuitBreaker(FACILITY_API), retries.retry(FACILITY_API),
                rateLimiters.rateLimiter(FACILITY_API), bulkheads.bulkhead(FACILITY_API), timeLimiters.timeLimiter(FACILITY_API));
        return new FacilityApiClient(rest, guards, facilityApiCalls, properties);
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
