package ca.passerelle.gateway.facility.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.core.ParameterizedTypeReference;
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
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;

/**
 * The facility-availability API over HTTP. Every call passes, outermost first, through the {@code facility-api}
 * retry (reads only), circuit breaker, rate limiter and bulkhead; the RestClient's read timeout bounds each attempt.
 * Upstream's answers are turned into the domain's two failures before the breaker sees them, so it records an
 * unavailable upstream and ignores a rejection.
 */
class FacilityApiClient implements FacilityApi {

    private static final ParameterizedTypeReference<List<Facility>> FACILITIES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Slot>> SLOTS = new ParameterizedTypeReference<>() {
    };

    private final RestClient rest;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final RateLimiter rateLimiter;
    private final Bulkhead bulkhead;
    private final UpstreamProperties properties;

    FacilityApiClient(RestClient rest, CircuitBreaker breaker, Retry retry, RateLimiter rateLimiter, Bulkhead bulkhead,
            UpstreamProperties properties) {
        this.rest = rest;
        this.breaker = breaker;
        this.retry = retry;
        this.rateLimiter = rateLimiter;
        this.bulkhead = bulkhead;
        this.properties = properties;
    }

    @Override
    public List<Facility> searchFacilities(FacilityQuery query) {
        return read(() -> rest.get()
                .uri(uri -> {
                    UriBuilder builder = uri.path("/v1/facilities");
                    Map.of("country", Optional.ofNullable(query.country()), "category", Optional.ofNullable(query.category()),
                            "region", Optional.ofNullable(query.region()), "kind", Optional.ofNullable(query.kind()))
                            .forEach((name, value) -> builder.queryParamIfPresent(name, value.filter(v -> !v.isBlank())));
                    return builder.build();
                })
                .retrieve()
                .body(FACILITIES));
    }

    @Override
    public List<Slot> availability(AvailabilityQuery query) {
        return read(() -> rest.get()
                .uri(uri -> uri.path("/v1/facilities/{id}/slots")
                        .queryParamIfPresent("from", Optional.ofNullable(query.from()))
                        .queryParamIfPresent("to", Optional.ofNullable(query.to()))
                        .build(query.facilityId()))
                .retrieve()
                .body(SLOTS));
    }

    @Override
    public Hold placeHold(String slotId, String reference) {
        return write(() -> rest.post().uri("/v1/holds").body(Map.of("slotId", slotId, "reference", reference))
                .retrieve().body(Hold.class));
    }

    @Override
    public Hold confirmHold(String holdId) {
        return write(() -> rest.post().uri("/v1/holds/{holdId}/confirm", holdId).retrieve().body(Hold.class));
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
                        Bulkhead.decorateSupplier(bulkhead, () -> translated(call))));
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

    private <T> T translated(Supplier<T> call) {
        T answer;
        try {
            answer = call.get();
        } catch (RestClientResponseException e) {
            throw fromStatus(e);
        } catch (RestClientException e) {
            throw new UpstreamFailure("facility API did not answer usably (" + e.getMostSpecificCause().getClass().getSimpleName() + ")",
                    null, properties.retryAfter(), e);
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
