package ca.passerelle.dashboard.actions.web;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Where the services that own what a coordinator acts on answer ({@code passerelle.dashboard.services.*}). The
 * dashboard calls them with the coordinator's own access token and never writes their data itself.
 *
 * @param travelBaseUrl travel-coordination-service (hospital choice, cancel, reschedule)
 * @param rehabBaseUrl rehab-followup-service (follow-up alerts)
 * @param assessmentBaseUrl assessment-service (evaluation: recorded by specialists only, linked from the case page)
 * @param timeout how long a call may take (connection and answer) before the coordinator is told the service is unreachable
 */
@Validated
@ConfigurationProperties("passerelle.dashboard.services")
public record ServicesProperties(
        @NotNull @DefaultValue("http://127.0.0.1:8083") URI travelBaseUrl,
        @NotNull @DefaultValue("http://127.0.0.1:8084") URI rehabBaseUrl,
        @NotNull @DefaultValue("http://127.0.0.1:8082") URI assessmentBaseUrl,
        @NotNull @DefaultValue("5s") Duration timeout) {
}
