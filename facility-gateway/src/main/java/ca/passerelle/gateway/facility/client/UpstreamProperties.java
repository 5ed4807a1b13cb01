package ca.passerelle.gateway.facility.client;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How the gateway reaches the facility-availability API. The time limit of each call is the Resilience4j
 * {@code facility-api} time limiter ({@code resilience4j.timelimiter}); the read timeout here is only a second guard.
 *
 * @param baseUrl where the API answers
 * @param connectTimeout how long to wait for a TCP connection
 * @param readTimeout the HTTP client's own read timeout, a backstop longer than the time limiter's
 * @param callThreads the bounded pool the time-limited calls run on; a call that finds every thread busy is refused
 *        at once, as a full bulkhead
 * @param retryAfter what the gateway tells its callers to wait when upstream gave no Retry-After of its own
 * @param maxHonouredRetryAfter a 429 or 503 whose Retry-After is at most this long is retried after that delay;
 *        a longer one is not retried (the caller gets the stale copy or a 503 at once)
 */
@Validated
@ConfigurationProperties("passerelle.gateway.upstream")
public record UpstreamProperties(
        @NotNull @DefaultValue("http://localhost:8090") URI baseUrl,
        @NotNull @DefaultValue("1s") Duration connectTimeout,
        @NotNull @DefaultValue("2s") Duration readTimeout,
        @Min(1) @Max(200) @DefaultValue("10") int callThreads,
        @NotNull @DefaultValue("10s") Duration retryAfter,
        @NotNull @DefaultValue("2s") Duration maxHonouredRetryAfter) {
}
