package ca.passerelle.benchmarks;

/**
 * Average cores busy during a throughput phase.
 *
 * @param client the benchmark JVM: ingress, hops, end of chain (and, for P3, the MongoDB server)
 * @param broker the Kafka broker JVM
 */
public record CpuUse(Double client, Double broker) {
}
