package ca.passerelle.travel.booking.web;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ca.passerelle.travel.booking.FacilityGatewayUnavailableException;

/** A confirmation that facility-gateway could not carry out now: 503 problem with Retry-After, nothing changed. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FacilityGatewayProblemAdvice {

    @ExceptionHandler(FacilityGatewayUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(FacilityGatewayUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The facility-availability system cannot carry this out now; nothing was changed. Try again later.");
        problem.setType(URI.create("https://passerelle.ca/problems/facility-gateway-unavailable"));
        problem.setTitle("Facility gateway unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30").body(problem);
    }
}
