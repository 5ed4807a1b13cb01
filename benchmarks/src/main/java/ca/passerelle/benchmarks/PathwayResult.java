package ca.passerelle.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * P4: the full pathway through the local stack under an open-loop, fixed-rate load that steps up.
 *
 * @param description what ran and how it was measured
 * @param steps one per rate, in the order they ran
 * @param maxSustainableRate the highest rate (cases/s) whose step completed with no growing lag, or null
 * @param eventsPerSecondAtMax case events per second at that rate (CaseOpened + the assessment's event per case)
 * @param p99AtHalfMaxMs end-to-end p99 (to the assessment's event) at the step of half the maximum rate, or null
 * @param stopReason why the stepping stopped
 * @param idleCores cores busy per process with the stack idle (no load) just before the steps
 */
public record PathwayResult(String description, List<RateStep> steps, Double maxSustainableRate, Double eventsPerSecondAtMax,
        Double p99AtHalfMaxMs, String stopReason, Map<String, Double> idleCores) {

    /** The stages, in pathway order; each latency counts from the case's intended start (open loop). */
    public static final List<String> STAGES = List.of("accepted", "case-opened", "assessed", "dashboard");

    /**
     * @param rate intended cases per second
     * @param cases cases scheduled in this step
     * @param accepted intake answered 201
     * @param assessed reached the assessment's event on its topic before the drain deadline
     * @param seconds from the first intended start to the last assessment event seen
     * @param eventsPerSecond (case-opened + assessment events seen for this step's cases) / seconds
     * @param stages latency percentiles per stage (ms from intended start)
     * @param sustainable every case accepted and assessed before the drain deadline, and the lag not growing
     * @param lagGrowing the assessment lag of the last third of the step's cases more than twice the first third's (+ 100 ms)
     * @param cores average cores busy per process during the step (each service, the broker, the benchmark JVM)
     */
    public record RateStep(double rate, long cases, long accepted, long assessed, double seconds, double eventsPerSecond,
            Map<String, Percentiles> stages, boolean sustainable, boolean lagGrowing, Map<String, Double> cores, String notes) {
    }
}
