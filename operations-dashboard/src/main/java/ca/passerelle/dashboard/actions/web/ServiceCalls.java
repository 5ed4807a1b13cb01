package ca.passerelle.dashboard.actions.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import ca.passerelle.events.EventCodec;
import tools.jackson.databind.JsonNode;

/**
 * The calls a coordinator's actions make to the services that own the data, each with the coordinator's own access
 * token ({@code Authorization: Bearer …}): the service checks the coordinator's role and records who acted. A refusal
 * (4xx, RFC 9457 problem) becomes its title; a 5xx, a timeout or an unreachable service becomes a plain message. Logs
 * name the route and the status, never a body.
 */
@Component
public class ServiceCalls {

    private static final Logger log = LoggerFactory.getLogger(ServiceCalls.class);
    private static final int MAX_TITLE = 200;

    private final RestClient travel;
    private final RestClient rehab;

    /**
     * Builds on the application's {@link RestClient.Builder} when there is one (its observation carries the trace to the
     * called service), otherwise on a plain builder.
     */
    ServiceCalls(ServicesProperties properties, org.springframework.beans.factory.ObjectProvider<RestClient.Builder> builders) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build());
        factory.setReadTimeout(properties.timeout());
        this.travel = client(builders.getIfAvailable(RestClient::builder).clone(), properties.travelBaseUrl(), factory);
        this.rehab = client(builders.getIfAvailable(RestClient::builder).clone(), properties.rehabBaseUrl(), factory);
    }

    private static RestClient client(RestClient.Builder builder, URI baseUrl, JdkClientHttpRequestFactory factory) {
        return builder.baseUrl(baseUrl.toString()).requestFactory(factory)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE + ", " + MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    /** travel: {@code POST /api/bookings/{caseId}/choice {"optionId"}}. */
    public Outcome chooseOption(String token, String caseId, String optionId) {
        return post(travel, token, "/api/bookings/{caseId}/choice", Map.of("optionId", optionId), "action.done.choice", caseId);
    }

    /** travel: {@code POST /api/bookings/{caseId}/cancel}. */
    public Outcome cancelBooking(String token, String caseId) {
        return post(travel, token, "/api/bookings/{caseId}/cancel", null, "action.done.cancel", caseId);
    }

    /** travel: {@code POST /api/bookings/{caseId}/reschedule {"surgeryOn"}}. */
    public Outcome rescheduleBooking(String token, String caseId, LocalDate surgeryOn) {
        return post(travel, token, "/api/bookings/{caseId}/reschedule", Map.of("surgeryOn", surgeryOn.toString()),
                "action.done.reschedule", caseId);
    }

    /** rehab: {@code POST /api/alerts/{alertId}/acknowledge}. */
    public Outcome acknowledgeAlert(String token, String alertId) {
        return post(rehab, token, "/api/alerts/{alertId}/acknowledge", null, "action.done.acknowledge", alertId);
    }

    /**
     * travel: {@code GET /api/bookings/{caseId}}: the options the coordinator may pick from (empty when the service
     * refuses, fails or has none; the case page then says so).
     */
    public BookingOptions bookingOptions(String token, String caseId) {
        try {
            return travel.get().uri("/api/bookings/{caseId}", caseId).headers(headers -> headers.setBearerAuth(token))
                    .exchange((request, response) -> {
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            log.info("travel GET /api/bookings/… answered {}", response.getStatusCode().value());
                            return BookingOptions.unavailable(response.getStatusCode().is4xxClientError()
                                    ? problemTitle(response) : null);
                        }
                        JsonNode booking = EventCodec.mapper().readTree(response.getBody());
                        List<BookingOptions.Option> options = new ArrayList<>();
                        for (JsonNode option : booking.path("options")) {
                            options.add(new BookingOptions.Option(text(option, "optionId"), text(option, "hospitalId"),
                                    text(option, "hospitalName"), text(option, "city"), text(option, "surgeryOn")));
                        }
                        options.removeIf(option -> option.optionId() == null);
                        return new BookingOptions(true, text(booking, "status"), List.copyOf(options), null);
                    });
        } catch (RestClientException e) {
            log.warn("travel GET /api/bookings/… failed: {}", e.getClass().getSimpleName());
            return BookingOptions.unavailable(null);
        }
    }

    private Outcome post(RestClient client, String token, String route, Object body, String doneKey, String variable) {
        try {
            RestClient.RequestBodySpec request = client.post().uri(route, variable).headers(headers -> headers.setBearerAuth(token));
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(EventCodec.mapper().writeValueAsString(body));
            }
            return request.exchange((req, response) -> {
                HttpStatusCode status = response.getStatusCode();
                log.info("POST {} answered {}", route, status.value());
                if (status.is2xxSuccessful()) {
                    return Outcome.ok(doneKey);
                }
                if (status.value() == 401) {
                    // the service no longer accepts the session's token (expired or revoked): sign in again
                    return Outcome.failed("action.failed.signInAgain");
                }
                if (status.is4xxClientError()) {
                    String title = problemTitle(response);
                    return title == null ? Outcome.failed("action.failed.refusedWithoutReason") : Outcome.refused(title);
                }
                return Outcome.failed("action.failed.server");
            });
        } catch (ResourceAccessException e) {
            log.warn("POST {} failed: {}", route, e.getClass().getSimpleName());
            return Outcome.failed("action.failed.unreachable");
        } catch (RestClientException e) {
            log.warn("POST {} failed: {}", route, e.getClass().getSimpleName());
            return Outcome.failed("action.failed.server");
        }
    }

    /** The {@code title} of an RFC 9457 problem answer, or null when the body is not one. */
    private static String problemTitle(ClientHttpResponse response) {
        try {
            MediaType type = response.getHeaders().getContentType();
            if (type == null || !(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON) || type.isCompatibleWith(MediaType.APPLICATION_JSON))) {
                return null;
            }
            String title = text(EventCodec.mapper().readTree(response.getBody()), "title");
            if (title == null || title.isBlank()) {
                return null;
            }
            return title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /**
     * The hospital options of a case's booking as the travel service lists them.
     *
     * @param available whether the travel service answered
     * @param problem its refusal's title, if any
     */
    public record BookingOptions(boolean available, String status, List<Option> options, String problem) {

        static BookingOptions unavailable(String problem) {
            return new BookingOptions(false, null, List.of(), problem);
        }

        public record Option(String optionId, String hospitalId, String hospitalName, String city, String surgeryOn) {
        }
    }
}
