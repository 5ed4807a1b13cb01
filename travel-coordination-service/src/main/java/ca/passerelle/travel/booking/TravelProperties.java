package ca.passerelle.travel.booking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Travel-coordination settings outside the scheduling policy.
 *
 * @param hospitalAnswerTimeout how long a partner hospital has to confirm or decline a held slot; past it the hold is
 *        released and the next option offered (announced as {@code confirmBy} in {@code SurgerySlotHeld})
 * @param hospitalFeed the partner-hospital feed
 */
@Validated
@ConfigurationProperties("passerelle.travel")
public record TravelProperties(
        @NotNull @DefaultValue("48h") Duration hospitalAnswerTimeout,
        @Valid @NotNull @DefaultValue HospitalFeed hospitalFeed) {

    /**
     * @param pseudonymKey the secret key of the per-hospital patient pseudonym (HMAC-SHA256 of hospital id and case id);
     *        at least 32 characters, from the environment outside the local run
     */
    public record HospitalFeed(@NotBlank @Size(min = 32) String pseudonymKey) {
    }
}
