package ca.passerelle.travel.booking.client;

import java.net.http.HttpClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.travel.booking.Facility;
import ca.passerelle.travel.booking.FacilityGateway;
import ca.passerelle.travel.booking.FacilityGatewayUnavailableException;
import ca.passerelle.travel.booking.Hold;
import ca.passerelle.travel.booking.HoldRejectedException;
import ca.passerelle.travel.booking.Slot;
import ca.passerelle.travel.booking.SlotUnavailableException;

/**
 * {@link FacilityGateway} over facility-gateway's HTTP API. Reads may be answered from the gateway's last-known copy
 * (marked stale), which is good enough to rank options: the hold is what checks a slot for real. No retries here:
 * a failed step is retried by the saga driver with its back-off.
 * <p>
 * Every request carries this service's own client-credentials token (registration {@code passerelle}, role SERVICE),
 * added by the platform's {@code serviceTokenInterceptor}; the gateway refuses any other caller. A token that cannot
 * be obtained, or that the gateway refuses (401/403), is a transient failure: the step is retried later.
 */
@Component
class FacilityGatewayClient implements FacilityGateway {

    private final RestClient http;

    FacilityGatewayClient(RestClient.Builder builder, FacilityGatewayProperties properties,
            @Qualifier("serviceTokenInterceptor") ClientHttpRequestInterceptor serviceToken) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        this.http = builder.clone().baseUrl(properties.baseUrl().toString()).requestFactory(requests)
                .requestInterceptor(serviceToken).build();
    }

    @Override
    public List<Facility> surgicalHospitalsInFrance(SurgicalCategory category) {
        FacilitiesAnswer answer = call("facility search", () -> http.get()
                .uri(uri -> uri.path("/api/facilities").queryParam("country", "FR").queryParam("category", category.name())
                        .queryParam("kind", "SURGICAL_HOSPITAL").build())
                .accept(MediaType.APPLICATION_JSON)
                .retrieve().body(FacilitiesAnswer.class));
        if (answer == null || answer.facilities() == null) {
            return List.of();
        }
        return answer.facilities().stream()
                .map(f -> new Facility(f.id(), f.name(), f.kind(), f.country(), f.city(), f.categories(), f.languages()))
                .toList();
    }

    @Override
    public List<Slot> availability(String facilityId, LocalDate from, LocalDate to) {
        AvailabilityAnswer answer = call("availability of " + facilityId, () -> http.get()
                .uri(uri -> uri.path("/api/facilities/{id}/availability").queryParam("from", from).queryParam("to", to).build(facilityId))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve().body(AvailabilityAnswer.class));
        if (answer == null || answer.slots() == null) {
            return List.of();
        }
        return answer.slots().stream()
                .map(s -> new Slot(s.slotId(), s.facilityId() == null ? facilityId : s.facilityId(), s.date(), s.status()))
                .toList();
    }

    @Override
    public Hold hold(String slotId, String reference) {
        try {
            return toHold(call("hold of " + slotId, () -> http.post().uri("/api/holds")
                    .contentType(MediaType.APPLICATION_JSON).body(new HoldRequest(slotId, reference))
                    .retrieve().body(HoldAnswer.class)));
        } catch (HttpClientErrorException.Conflict e) {
            throw new SlotUnavailableException("Slot " + slotId + " is not available");
        }
    }

    @Override
    public Hold confirm(String holdId) {
        try {
            return toHold(call("confirmation of " + holdId, () -> http.post().uri("/api/holds/{holdId}/confirmation", holdId)
                    .retrieve().body(HoldAnswer.class)));
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.Conflict | HttpClientErrorException.Gone e) {
            throw new HoldRejectedException("facility-gateway refused to confirm hold " + holdId + ": " + e.getStatusCode());
        }
    }

    @Override
    public void release(String holdId) {
        try {
            call("release of " + holdId, () -> http.delete().uri("/api/holds/{holdId}", holdId).retrieve().toBodilessEntity());
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.Gone e) {
            // Already gone: releasing is idempotent.
        }
    }

    private static Hold toHold(HoldAnswer answer) {
        if (answer == null || answer.holdId() == null || answer.holdId().isBlank()) {
            throw new FacilityGatewayUnavailableException("facility-gateway answered a hold without a holdId");
        }
        return new Hold(answer.holdId(), answer.slotId(), answer.facilityId(), answer.date(), answer.status(), answer.expiresAt());
    }

    /** Runs a call; transient failures become {@link FacilityGatewayUnavailableException}, client errors are left to the caller. */
    private static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS)) {
                throw new FacilityGatewayUnavailableException(what + ": rate-limited", e);
            }
            if (e.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED) || e.getStatusCode().isSameCodeAs(HttpStatus.FORBIDDEN)) {
                throw new FacilityGatewayUnavailableException(what + ": facility-gateway refused this service's token ("
                        + e.getStatusCode().value() + ")", e);
            }
            throw e;
        } catch (HttpServerErrorException e) {
            throw new FacilityGatewayUnavailableException(what + ": facility-gateway answered " + e.getStatusCode().value(), e);
        } catch (ResourceAccessException e) {
            throw new FacilityGatewayUnavailableException(what + ": facility-gateway unreachable", e);
        } catch (RestClientException e) {
            throw new FacilityGatewayUnavailableException(what + ": unreadable answer from facility-gateway", e);
        } catch (OAuth2AuthorizationException e) {
            throw new FacilityGatewayUnavailableException(what + ": no service token from the identity provider ("
                    + e.getError().getErrorCode() + ")", e);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FacilitiesAnswer(List<FacilityJson> facilities, boolean stale, Instant asOf) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FacilityJson(String id, String name, String kind, String country, String region, String city, List<String> categories,
            List<String> languages) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AvailabilityAnswer(String facilityId, List<SlotJson> slots, boolean stale) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SlotJson(String slotId, String facilityId, LocalDate date, String status) {
    }

    record HoldRequest(String slotId, String reference) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HoldAnswer(String holdId, String slotId, String facilityId, LocalDate date, String status, String reference, Instant expiresAt) {
    }
}
