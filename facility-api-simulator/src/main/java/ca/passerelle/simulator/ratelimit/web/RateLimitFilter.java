package ca.passerelle.simulator.ratelimit.web;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import ca.passerelle.simulator.ratelimit.Admission;
import ca.passerelle.simulator.ratelimit.TokenBucket;
import ca.passerelle.simulator.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Takes a token for each {@code /v1} call; with none left, answers 429 with {@code Retry-After} in seconds. */
class RateLimitFilter extends OncePerRequestFilter {

    private final TokenBucket bucket;
    private final ProblemWriter problems;

    RateLimitFilter(TokenBucket bucket, ProblemWriter problems) {
        this.bucket = bucket;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Admission admission = bucket.tryTake();
        if (admission.admitted()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(admission.retryAfterSeconds()));
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "The facility-availability API rate limit is exceeded; retry after " + admission.retryAfterSeconds()
                        + " s");
    }

}
