package ca.passerelle.gateway.facility.web;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ca.passerelle.gateway.facility.FacilityApiRejectedException;
import ca.passerelle.gateway.facility.FacilityApiUnavailableException;

/**
 * The two upstream failures the platform's problem+json advice does not know: an unavailable upstream (503 with
 * Retry-After) and a request upstream refused for a reason other than 404 or 409 (502: the gateway asked wrongly).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UpstreamProblemAdvice {

    private static final URI TYPE_BASE = URI.create("https://passerelle.ca/problems/");
    private static final long DEFAULT_RETRY_AFTER_SECONDS = 10;

    @ExceptionHandler(FacilityApiUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(FacilityApiUnavailableException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The facility-availability API is unavailable (" + ex.getMessage() + "); try again later.");
        problem.setType(TYPE_BASE.resolve("facility-api-unavailable"));
        problem.setTitle("Facility API unavailable");
        long seconds = ex.retryAfter() == null ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem);
    }

    @ExceptionHandler(FacilityApiRejectedException.class)
    ProblemDetail rejected(FacilityApiRejectedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
        problem.setType(TYPE_BASE.resolve("facility-api-rejected"));
        problem.setTitle("Facility API refused the request");
        problem.setProperty("upstreamStatus", ex.status());
        return problem;
    }
}
