package ca.passerelle.benchmarks;

import java.time.Instant;

/** Wall-clock epoch microseconds: the one clock every level's latency is measured on (one JVM, so one clock). */
final class Micros {

    private Micros() {
    }

    static long now() {
        return of(Instant.now());
    }

    static long of(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
