package ca.passerelle.benchmarks;

import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds; null where the source (e.g. a Kafka tool) does not give one. */
public record Percentiles(long count, Double p50, Double p90, Double p99, Double p999, Double max) {

    static Percentiles of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new Percentiles(0, null, null, null, null, null);
        }
        return new Percentiles(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
