package ca.passerelle.assessment.evaluation;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Every {@code passerelle.assessment.eligibility-recheck.interval} (default one hour), verifies again the cases that
 * were waiting only for the minimum supervised duration, once their eligibility date has come, so that a course planned
 * past the first verification is verified on the day it is long enough, with no clinic having to post anything. Off
 * with {@code passerelle.assessment.eligibility-recheck.enabled=false}. Several instances may run it: every case is
 * re-verified in a version-gated update that publishes only a changed verdict.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "passerelle.assessment.eligibility-recheck.enabled", havingValue = "true", matchIfMissing = true)
class EligibilityRecheckSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(EligibilityRecheckSchedule.class);
    private static final int BATCH = 500;

    private final AssessmentService assessments;
    private final Duration interval;

    EligibilityRecheckSchedule(AssessmentService assessments,
            @Value("${passerelle.assessment.eligibility-recheck.interval:1h}") Duration interval) {
        this.assessments = assessments;
        this.interval = interval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> {
            try {
                int rechecked = assessments.recheckDueVerifications(BATCH);
                if (rechecked > 0) {
                    log.info("Verified conservative care again for {} cases whose eligibility date has come", rechecked);
                }
            } catch (RuntimeException e) {
                log.warn("Eligibility re-check failed; the next run retries: {}", e.getMessage());
            }
        }, interval);
    }
}
