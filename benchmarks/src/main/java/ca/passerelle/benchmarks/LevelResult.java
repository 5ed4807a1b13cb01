package ca.passerelle.benchmarks;

/**
 * What one rung of the ladder measured.
 *
 * @param level {@code P0-producer}, {@code P0-e2e}, {@code P1}, {@code P2} or {@code P3}
 * @param records how many records the throughput phase sent
 * @param arrived how many of them reached the end of the chain
 * @param seconds from the first send to the last arrival of the throughput phase
 * @param throughput records per second at the end of the chain (for P0-producer: acknowledged by the broker)
 * @param saturated latencies during the throughput phase (mostly queueing behind the backlog)
 * @param paced latencies of the open-loop phase at {@code pacedRate}, from each record's intended send time
 * @param recordBytes size of the record value at the ingress
 * @param cpu cores used during the throughput phase (null for the Kafka tools)
 */
public record LevelResult(String level, String title, String description, long records, long arrived, double seconds,
        double throughput, Percentiles saturated, Percentiles paced, int pacedRate, int recordBytes, CpuUse cpu, String notes) {
}
