package ca.passerelle.benchmarks;

/** The three phases of one level, told apart at the end of the chain by a marker every record carries. */
enum Phase {
    /** Sent and awaited before measuring: JIT, consumer assignment, first documents. */
    WARMUP("w"),
    /** As fast as the ingress can send: end-of-chain throughput (latencies here are mostly queueing). */
    BLAST("b"),
    /** Open loop at a fixed rate, latency from the intended send time (no coordinated omission). */
    PACED("p");

    final String marker;

    Phase(String marker) {
        this.marker = marker;
    }

    static Phase ofMarker(char marker) {
        return switch (marker) {
            case 'w' -> WARMUP;
            case 'b' -> BLAST;
            case 'p' -> PACED;
            default -> throw new IllegalArgumentException("unknown phase marker " + marker);
        };
    }
}
