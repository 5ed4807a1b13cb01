package ca.passerelle.rehab.plan.client;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Where facility-gateway answers and how long to wait for it. Short timeouts: the directory is asked while a surgery
 * report is being consumed, and a slow gateway must not hold the plan back (the sweep assigns the clinic later).
 */
@Validated
@ConfigurationProperties("passerelle.rehab.facility-gateway")
public record FacilityGatewayProperties(
        @NotNull @DefaultValue("http://localhost:8085") URI baseUrl,
        @NotNull @DefaultValue("1s") Duration connectTimeout,
        @NotNull @DefaultValue("3s") Duration readTimeout) {
}
