package ca.passerelle.rehab.plan.client;

import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import ca.passerelle.rehab.plan.RehabClinicDirectory;

/**
 * {@link RehabClinicDirectory} over facility-gateway's {@code GET /api/facilities?country=CA&region=…&kind=REHAB_CLINIC}.
 * The gateway's last-known copy (marked stale) is accepted: a directory of clinics changes slowly. Every request carries
 * this service's own client-credentials token (registration {@code passerelle}, role SERVICE) through the platform's
 * {@code serviceTokenInterceptor}. Any failure (unreachable, 5xx, 429, refused or missing token, unreadable body) is
 * {@link RehabClinicDirectory.Unavailable}; nothing is retried here, the sweep asks again later.
 */
@Component
class FacilityGatewayDirectory implements RehabClinicDirectory {

    private final RestClient http;

    FacilityGatewayDirectory(RestClient.Builder builder, FacilityGatewayProperties properties,
            @Qualifier("serviceTokenInterceptor") ClientHttpRequestInterceptor serviceToken) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        this.http = builder.clone().baseUrl(properties.baseUrl().toString()).requestFactory(requests)
                .requestInterceptor(serviceToken).build();
    }

    @Override
    public List<RehabClinic> rehabClinicsIn(String region) {
        FacilitiesAnswer answer;
        try {
            answer = http.get()
                    .uri(uri -> uri.path("/api/facilities").queryParam("country", "CA").queryParam("region", region)
                            .queryParam("kind", "REHAB_CLINIC").build())
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve().body(FacilitiesAnswer.class);
        } catch (RestClientException e) {
            throw new Unavailable("facility-gateway: " + e.getClass().getSimpleName(), e);
        } catch (OAuth2AuthorizationException e) {
            throw new Unavailable("no service token from the identity provider (" + e.getError().getErrorCode() + ")", e);
        }
        if (answer == null || answer.facilities() == null) {
            throw new Unavailable("facility-gateway answered without a facility list", null);
        }
        // The gateway filters already; checked again so that a lenient or stale answer never assigns a non-rehab facility.
        return answer.facilities().stream()
                .filter(f -> f.id() != null && !f.id().isBlank())
                .filter(f -> "REHAB_CLINIC".equals(f.kind()) && "CA".equals(f.country()) && region.equals(f.region()))
                .map(f -> new RehabClinic(f.id(), f.region(), f.languages()))
                .toList();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FacilitiesAnswer(List<FacilityJson> facilities, boolean stale, Instant asOf) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FacilityJson(String id, String name, String kind, String country, String region, String city, List<String> languages) {
    }
}
