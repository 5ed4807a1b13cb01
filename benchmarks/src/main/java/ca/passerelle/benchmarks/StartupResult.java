package ca.passerelle.benchmarks;

import java.util.List;

/**
 * P5: start-up of the whole local stack, once per variant (without and with class-data sharing), cold: a fresh data
 * folder, a fresh broker, every service a new JVM.
 *
 * @param heap the services' maximum heap in this level (the target is stated at {@code -Xmx256m})
 * @param runs one per variant, in the order they ran
 */
public record StartupResult(String heap, List<StartupRun> runs) {

    java.util.Optional<StartupRun> run(String variant) {
        return runs.stream().filter(run -> run.variant().equals(variant)).findFirst();
    }

    /**
     * One cold start of the whole stack.
     *
     * @param variant short name ({@code default}, {@code cds-training}, {@code appcds})
     * @param description how the services were launched
     * @param stackReadySeconds from {@code LocalStack.start()} (database, identity provider and broker, then the other
     *        services in parallel) until every service reported UP
     * @param services each service's figures
     * @param rssTotalMiB the services' resident memory summed (broker and database not included)
     * @param archivesMapped services whose JVM mapped its AppCDS archive (read from /proc/pid/maps), -1 when not applicable
     */
    public record StartupRun(String variant, String description, double stackReadySeconds, List<ServiceStartup> services, long rssTotalMiB,
            int archivesMapped) {
    }

    /**
     * @param readySeconds from the service's launch until it was first seen UP on /actuator/health (polled every 500 ms,
     *        with the other services starting at the same time on the same cores)
     * @param rssMiB VmRSS from /proc/pid/status right after the whole stack was ready
     * @param rssAfterLoadMiB VmRSS after the P4 load, when P4 ran on this stack (else null)
     * @param cpuSeconds CPU time the JVM had used when the whole stack was ready (user + system, all threads)
     */
    public record ServiceStartup(String service, double readySeconds, long rssMiB, Long rssAfterLoadMiB, Double cpuSeconds) {
    }
}
