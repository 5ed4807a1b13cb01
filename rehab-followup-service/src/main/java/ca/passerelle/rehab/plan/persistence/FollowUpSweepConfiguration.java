package ca.passerelle.rehab.plan.persistence;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import ca.passerelle.rehab.plan.FollowUpProperties;
import ca.passerelle.rehab.plan.FollowUpService;
import ca.passerelle.rehab.plan.FollowUpSweep;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

/**
 * The follow-up sweep's lock lives in this service's own database (collection {@code shedLock}, one document per lock,
 * taken with a single-document find-and-modify on {@code lockUntil}); the sweep runs every
 * {@code passerelle.rehab.follow-up.sweep-interval} unless {@code passerelle.rehab.follow-up.sweep-enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
class FollowUpSweepConfiguration {

    @Bean
    LockProvider followUpSweepLock(MongoDatabaseFactory databases) {
        return new MongoLockProvider(databases.getMongoDatabase());
    }

    @Bean
    FollowUpSweep followUpSweep(FollowUpService followUps, LockProvider followUpSweepLock, Clock clock, FollowUpProperties rules,
            MeterRegistry meters) {
        return new FollowUpSweep(followUps, followUpSweepLock, clock, rules, meters);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "passerelle.rehab.follow-up.sweep-enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule implements SchedulingConfigurer {

        private final FollowUpSweep sweep;
        private final FollowUpProperties rules;

        Schedule(FollowUpSweep sweep, FollowUpProperties rules) {
            this.sweep = sweep;
            this.rules = rules;
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar registrar) {
            registrar.addFixedDelayTask(() -> {
                try {
                    sweep.runOnce();
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(FollowUpSweep.class).warn("Follow-up sweep failed; next run retries", e);
                }
            }, rules.sweepInterval());
        }
    }
}
