package ca.passerelle.simulator.faults.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import ca.passerelle.simulator.faults.FaultProperties;
import ca.passerelle.simulator.faults.FaultSettings;
import ca.passerelle.simulator.faults.FaultSwitchboard;
import ca.passerelle.simulator.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Applies the faults in force to a {@code /v1} call, in this order: latency, outage (503), error rate (500), then the
 * real answer, garbled (200 with a body that is not JSON) and/or dripped out in small chunks. A garbled answer still
 * did its work, as a real API whose response is lost would have.
 */
class FaultInjectionFilter extends OncePerRequestFilter {

    private static final byte[] GARBAGE = "<garbled by facility-api-simulator>".getBytes(StandardCharsets.UTF_8);

    private final FaultSwitchboard switchboard;
    private final FaultProperties properties;
    private final ProblemWriter problems;

    FaultInjectionFilter(FaultSwitchboard switchboard, FaultProperties properties, ProblemWriter problems) {
        this.switchboard = switchboard;
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FaultSettings faults = switchboard.current();
        if (faults.latencyMs() > 0 && !pause(faults.latencyMs())) {
            return;
        }
        if (faults.outage()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "30");
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "outage", "Service unavailable",
                    "The facility-availability API is down (simulated outage)");
            return;
        }
        if (switchboard.drawsError(faults)) {
            problems.write(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "injected-error", "Internal error",
                    "The facility-availability API failed (simulated error)");
            return;
        }
        if (!faults.rewritesBodies()) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        byte[] body = captured.getContentAsByteArray();
        if (faults.malformedBodies()) {
            body = garble(body);
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        }
        if (faults.slowDripMs() > 0) {
            drip(response, body, faults.slowDripMs());
        }
        else {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** The first half of the real body, then text that no JSON parser accepts. */
    private static byte[] garble(byte[] body) {
        byte[] half = Arrays.copyOf(body, body.length / 2);
        byte[] garbled = Arrays.copyOf(half, half.length + GARBAGE.length);
        System.arraycopy(GARBAGE, 0, garbled, half.length, GARBAGE.length);
        return garbled;
    }

    private void drip(HttpServletResponse response, byte[] body, long pauseMs) throws IOException {
        OutputStream out = response.getOutputStream();
        int chunk = properties.dripChunkBytes();
        for (int offset = 0; offset < body.length; offset += chunk) {
            if (offset > 0 && !pause(pauseMs)) {
                return;
            }
            out.write(body, offset, Math.min(chunk, body.length - offset));
            out.flush();
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
