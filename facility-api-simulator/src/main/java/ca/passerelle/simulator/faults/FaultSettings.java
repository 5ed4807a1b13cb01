package ca.passerelle.simulator.faults;

/**
 * The faults applied to every {@code /v1} call: added latency, a fraction of calls answered 500, a full outage (503),
 * bodies that are not JSON, and bodies dripped out slowly in small chunks.
 */
public record FaultSettings(long latencyMs, double errorRate, boolean outage, boolean malformedBodies,
        long slowDripMs) {

    public static final FaultSettings NONE = new FaultSettings(0, 0.0, false, false, 0);

    public FaultSettings {
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must not be negative");
        }
        if (!(errorRate >= 0.0 && errorRate <= 1.0)) {
            throw new IllegalArgumentException("errorRate must be between 0 and 1");
        }
        if (slowDripMs < 0) {
            throw new IllegalArgumentException("slowDripMs must not be negative");
        }
    }

    /** Whether the response body has to be captured before it is sent. */
    public boolean rewritesBodies() {
        return malformedBodies || slowDripMs > 0;
    }

}
