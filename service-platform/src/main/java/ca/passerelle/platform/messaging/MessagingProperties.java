package ca.passerelle.platform.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the outbox relay.
 *
 * @param source the CloudEvents source of every event this service publishes (default {@code /passerelle/<application name>})
 * @param relayInterval how often the relay looks for unpublished events when no write woke it earlier
 * @param relayBatchSize how many documents one relay pass takes from each collection
 * @param sendTimeout how long the relay waits for the broker to acknowledge one event before trying again later
 * @param relayEnabled whether the relay starts with the service
 */
@Validated
@ConfigurationProperties("passerelle.messaging")
public record MessagingProperties(
        @NotBlank String source,
        @NotNull @DefaultValue("1s") Duration relayInterval,
        @Min(1) @DefaultValue("100") int relayBatchSize,
        @NotNull @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("true") boolean relayEnabled) {
}
