package ca.passerelle.gateway.facility.client;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * How the gateway reaches the facility-availability API.
 *
 * @param baseUrl where the API answers
 * @param connectTimeout how long to wait for a TCP connection
 * @param readTimeout how long to wait for the answer; with synchronous calls it is the time limit of every call
 * @param retryAfter what the gateway tells its callers to wait when upstream gave no Retry-After of its own
 * @param maxHonouredRetryAfter a 429 or 503 whose Retry-After is at most this long is retried after that delay;
 *        a longer one is not retried (the caller gets the stale copy or a 503 at once)
 */
@Validated
@ConfigurationProperties("passerelle.gateway.upstream")
public record UpstreamProperties(
        @NotNull @DefaultValue("http://localhost:8090") URI baseUrl,
        @NotNull @DefaultValue("1s") Duration connectTimeout,
        @NotNull @DefaultValue("3s") Duration readTimeout,
        @NotNull @DefaultValue("10s") Duration retryAfter,
        @NotNull @DefaultValue("2s") Duration maxHonouredRetryAfter) {
}
