package ca.passerelle.simulator.faults;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How the slow-drip fault cuts a body: chunks of {@code dripChunkBytes}, one every {@code slowDripMs}. */
@Validated
@ConfigurationProperties("simulator.faults")
public record FaultProperties(@DefaultValue("64") @Min(1) @Max(65536) int dripChunkBytes) {
}
