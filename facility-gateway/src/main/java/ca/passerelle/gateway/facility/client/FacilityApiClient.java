package ca.passerelle.gateway.facility.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriBuilder;

import ca.passerelle.gateway.facility.AvailabilityQuery;
import ca.passerelle.gateway.facility.Facility;
import ca.passerelle.gateway.facility.FacilityApi;
import ca.passerelle.gateway.facility.FacilityApiRejectedException;
import ca.passerelle.gateway.facility.FacilityApiUnavailableException;
import ca.passerelle.gateway.facility.FacilityQuery;
import ca.passerelle.gateway.facility.Hold;
import ca.passerelle.gateway.facility.Slot;
import ca.passerelle.gateway.facility.client.UpstreamRetryPolicy.UpstreamFailure;
import ca.passerelle.gateway.facility.client.UpstreamRetryPolicy.UpstreamTimedOut;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;

/**
 * The facility-availability API over HTTP. Every call passes, outermost first, through the {@code facility-api}
 * retry (reads only), circuit breaker, rate limiter, bulkhead and time limiter; the time-limited attempt runs on a
 * bounded pool of its own and is interrupted (the HTTP exchange cancelled) when its time is up, so no request thread
 * waits longer than the limit. The RestClient's read timeout stays as a second guard. Upstream's answers are read as
 * untrusted input ({@link UpstreamContract}) and turned into the domain's two failures before the breaker sees them,
 * so it records an unavailable or out-of-contract upstream and ignores a rejection.
 */
class FacilityApiClient implements FacilityApi {

    private static final Logger log = LoggerFactory.getLogger(FacilityApiClient.class);

    private final RestClient rest;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final RateLimiter rateLimiter;
    private final Bulkhead bulkhead;
    private final TimeLimiter timeLimiter;
    private final ExecutorService calls;
    private final UpstreamProperties properties;

    FacilityApiClient(RestClient rest, Guards guards, ExecutorService calls, UpstreamProperties properties) {
        this.rest = rest;
        this.breaker = guards.breaker();
        this.retry = guards.retry();
        this.rateLimiter = guards.rateLimiter();
        this.bulkhead = guards.bulkhead();
        this.timeLimiter = guards.timeLimiter();
        this.calls = calls;
        this.properties = properties;
    }

    /** The Resilience4j instances guarding the facility API. */
    record Guards(CircuitBreaker breaker, Retry retry, RateLimiter rateLimiter, Bulkhead bulkhead, TimeLimiter timeLimiter) {
    }

    @Override
    public List<Facility> searchFacilities(FacilityQuery query) {
        return read(() -> UpstreamContract.facilities(rest.get()
                .uri(uri -> {
                    UriBuilder builder = uri.path("/v1/facilities");
                    Map.of("country", Optional.ofNullable(query.country()), "category", Optional.ofNullable(query.category()),
                            "region", Optional.ofNullable(query.region()), "kind", Optional.ofNullable(query.kind()))
                            .forEach((name, value) -> builder.queryParamIfPresent(name, value.filter(v -> !v.isBlank())));
                    return builder.build();
                })
                .retrieve()
                .body(byte[].class)));
    }

    @Override
    public List<Slot> availability(AvailabilityQuery query) {
        return read(() -> UpstreamContract.slots(rest.get()
                .uri(uri -> uri.path("/v1/facilities/{id}/slots")
                        .queryParamIfPresent("from", Optional.ofNullable(query.from()))
                        .queryParamIfPresent("to", Optional.ofNullable(query.to()))
                        .build(query.facilityId()))
                .retrieve()
                .body(byte[].class), query.facilityId()));
    }

    @Override
    public Hold placeHold(String slotId, String reference) {
        return write(() -> UpstreamContract.hold(rest.post().uri("/v1/holds").body(Map.of("slotId", slotId, "reference", reference))
                .retrieve().body(byte[].class), "HELD"));
    }

    @Override
    public Hold confirmHold(String holdId) {
        return write(() -> UpstreamContract.hold(rest.post().uri("/v1/holds/{holdId}/confirm", holdId).retrieve().body(byte[].class),
                "CONFIRMED"));
    }

    @Override
    public void releaseHold(String holdId) {
        write(() -> rest.delete().uri("/v1/holds/{holdId}", holdId).retrieve().toBodilessEntity());
    }

    private <T> T read(Supplier<T> call) {
        return refusalsAsUnavailable(Retry.decorateSupplier(retry, guarded(call)));
    }

    /** Writes are never retried here: a hold placed twice is worse than a hold that failed; its owner retries later. */
    private <T> T write(Supplier<T> call) {
        return refusalsAsUnavailable(guarded(call));
    }

    private <T> Supplier<T> guarded(Supplier<T> call) {
        return CircuitBreaker.decorateSupplier(breaker,
                RateLimiter.decorateSupplier(rateLimiter,
                        Bulkhead.decorateSupplier(bulkhead, () -> timeLimited(call))));
    }

    private <T> T refusalsAsUnavailable(Supplier<T> call) {
        try {
            return call.get();
        } catch (CallNotPermittedException e) {
            throw new FacilityApiUnavailableException("the facility-api circuit breaker is open", openRetryAfter(), e);
        } catch (RequestNotPermitted | BulkheadFullException e) {
            throw new FacilityApiUnavailableException("too many calls to the facility API right now", properties.retryAfter(), e);
        }
    }

    private Duration openRetryAfter() {
        Duration wait = Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
        return wait.isZero() ? properties.retryAfter() : wait;
    }

    /**
     * Runs one attempt on the call pool and waits at most the time limiter's timeout for it; on time-out the attempt is
     * interrupted ({@code cancel-running-future}), which cancels the HTTP exchange. A full pool is refused like a full
     * bulkhead: a local refusal, not a sign of a sick upstream.
     */
    private <T> T timeLimited(Supplier<T> call) {
        try {
            return timeLimiter.executeFutureSupplier(() -> calls.submit(() -> translated(call)));
        } catch (RejectedExecutionException e) {
            throw BulkheadFullException.createBulkheadFullException(bulkhead);
        } catch (TimeoutException e) {
            throw new UpstreamTimedOut("facility API did not answer within " + timeLimiter.getTimeLimiterConfig().getTimeoutDuration().toMillis()
                    + " ms", properties.retryAfter(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamFailure("interrupted while waiting for the facility API", null, properties.retryAfter(), e);
        } catch (Exception e) {
            throw new UpstreamFailure("facility API call failed (" + e.getClass().getSimpleName() + ")", null, properties.retryAfter(), e);
        }
    }

    private <T> T translated(Supplier<T> call) {
        T answer;
        try {
            answer = call.get();
        } catch (RestClientResponseException e) {
            throw fromStatus(e);
        } catch (RestClientException e) {
            throw new UpstreamFailure("facility API did not answer usably (" + e.getMostSpecificCause().getClass().getSimpleName() + ")",
                    null, properties.retryAfter(), e);
        } catch (UpstreamContract.Violation e) {
            log.warn("The facility API answered outside its contract: {}", e.getMessage());
            throw new UpstreamFailure("facility API answered outside its contract: " + e.getMessage(), null, properties.retryAfter(), e);
        }
        if (answer == null) {
            throw new UpstreamFailure("facility API answered without a body", null, properties.retryAfter(), null);
        }
        return answer;
    }

    private RuntimeException fromStatus(RestClientResponseException e) {
        int status = e.getStatusCode().value();
        if (status == HttpStatus.TOO_MANY_REQUESTS.value() || e.getStatusCode().is5xxServerError()) {
            return new UpstreamFailure("facility API answered " + status, retryAfter(e.getResponseHeaders()), properties.retryAfter(), e);
        }
        if (e.getStatusCode().is4xxClientError()) {
            return new FacilityApiRejectedException(status, "facility API refused the request (" + status + ")" + detail(e));
        }
        return new UpstreamFailure("facility API answered " + status, null, properties.retryAfter(), e);
    }

    private static String detail(RestClientResponseException e) {
        String body = e.getResponseBodyAsString();
        return body.isBlank() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) : body);
    }

    /** Retry-After in seconds (the form the facility API uses); an HTTP-date is ignored. */
    static Duration retryAfter(HttpHeaders headers) {
        String value = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }
}
