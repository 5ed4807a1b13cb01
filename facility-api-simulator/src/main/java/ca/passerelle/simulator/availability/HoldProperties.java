package ca.passerelle.simulator.availability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How long an unconfirmed hold lasts, and how often expired holds are swept. */
@Validated
@ConfigurationProperties("simulator.holds")
public record HoldProperties(@DefaultValue("15m") Duration timeToLive, @DefaultValue("30s") Duration sweepInterval) {

    public HoldProperties {
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("simulator.holds.time-to-live must be positive");
        }
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("simulator.holds.sweep-interval must be positive");
        }
    }

}
