package ca.passerelle.simulator.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

/** The upstream rate limit on {@code /v1}: a sustained rate and a burst on top of it. */
@Validated
@ConfigurationProperties("simulator.rate-limit")
public record RateLimitProperties(
        @DefaultValue("50") @DecimalMin(value = "0.0", inclusive = false) double requestsPerSecond,
        @DefaultValue("100") @Min(1) int burst) {

    public TokenBucket newBucket() {
        return new TokenBucket(requestsPerSecond, burst, System::nanoTime);
    }

}
