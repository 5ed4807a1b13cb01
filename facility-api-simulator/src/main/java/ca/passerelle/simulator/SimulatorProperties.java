package ca.passerelle.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * What makes one simulator run reproducible: the seed behind generated slots and injected errors, and how far ahead
 * slots are offered.
 */
@Validated
@ConfigurationProperties("simulator")
public record SimulatorProperties(
        @DefaultValue("42") long seed,
        @DefaultValue("180") @Min(1) @Max(730) int horizonDays) {
}
