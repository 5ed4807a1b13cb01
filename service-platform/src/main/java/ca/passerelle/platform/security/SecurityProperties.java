package ca.passerelle.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * How tokens are checked.
 *
 * @param issuer the exact {@code iss} accepted; its discovery document gives the signing keys
 * @param audience a value the {@code aud} claim must contain
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 */
@Validated
@ConfigurationProperties("passerelle.security")
public record SecurityProperties(
        @NotBlank String issuer,
        @NotBlank @DefaultValue("passerelle") String audience,
        @NotNull @DefaultValue("30s") Duration clockSkew) {
}
