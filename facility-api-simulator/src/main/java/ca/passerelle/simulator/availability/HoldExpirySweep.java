package ca.passerelle.simulator.availability;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Expires unconfirmed holds every {@code simulator.holds.sweep-interval}, even when nobody calls the API. */
@Configuration(proxyBeanMethods = false)
class HoldExpirySweep implements SchedulingConfigurer {

    private final AvailabilityService availability;
    private final HoldProperties properties;

    HoldExpirySweep(AvailabilityService availability, HoldProperties properties) {
        this.availability = availability;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(availability::expireDue, properties.sweepInterval());
    }

}
