package ca.passerelle.dashboard.cases;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the {@link SlaBreachWatch} every {@code passerelle.dashboard.sla.check-interval} (1 minute by default), never in
 * the rebuild.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Profile("!" + StageClock.REBUILD_PROFILE)
class SlaBreachWatchConfiguration implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SlaBreachWatch.class);

    private final SlaBreachWatch watch;
    private final Duration interval;

    SlaBreachWatchConfiguration(SlaBreachWatch watch, @Value("${passerelle.dashboard.sla.check-interval:1m}") Duration interval) {
        this.watch = watch;
        this.interval = interval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> {
            try {
                int counted = watch.check();
                if (counted > 0) {
                    log.info("SLA check: {} new stage breach(es) counted", counted);
                }
            } catch (RuntimeException e) {
                log.warn("SLA check failed; the next run retries: {}", e.getClass().getSimpleName());
            }
        }, interval);
    }
}
