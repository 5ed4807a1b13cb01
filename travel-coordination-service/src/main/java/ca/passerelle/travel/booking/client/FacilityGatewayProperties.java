package ca.passerelle.travel.booking.client;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Where facility-gateway answers and how long to wait for it. Short timeouts: a slow gateway must not stall the saga
 * driver, whose steps are retried later anyway.
 */
@Validated
@ConfigurationProperties("passerelle.travel.facility-gateway")
public record FacilityGatewayProperties(
        @NotNull @DefaultValue("http://localhost:8085") URI baseUrl,
        @NotNull @DefaultValue("2s") Duration connectTimeout,
        @NotNull @DefaultValue("5s") Duration readTimeout) {
}
