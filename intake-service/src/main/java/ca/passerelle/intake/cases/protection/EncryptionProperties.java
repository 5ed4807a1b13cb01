package ca.passerelle.intake.cases.protection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Where intake's keysets come from: each one either inline as Tink JSON (from a secret, e.g. the environment variable
 * {@code PASSERELLE_INTAKE_ENCRYPTION_KEYSET}) or from a location ({@code file:/run/secrets/…}); inline wins. The keyset
 * seals identifiers (AES256_GCM); the look-up keyset derives the RAMQ look-up value (AES256_SIV), a separate key.
 * {@link #toString()} never shows key material.
 *
 * @param keyset AEAD keyset, Tink JSON, or null to read {@code keysetLocation}
 * @param keysetLocation AEAD keyset file
 * @param lookupKeyset deterministic AEAD keyset, Tink JSON, or null to read {@code lookupKeysetLocation}
 * @param lookupKeysetLocation deterministic AEAD keyset file
 */
@Validated
@ConfigurationProperties("passerelle.intake.encryption")
public record EncryptionProperties(String keyset, Resource keysetLocation, String lookupKeyset, Resource lookupKeysetLocation) {

    @Override
    public String toString() {
        return "EncryptionProperties[keyset=" + (keyset == null ? "none" : "<redacted>") + ", keysetLocation=" + describe(keysetLocation)
                + ", lookupKeyset=" + (lookupKeyset == null ? "none" : "<redacted>") + ", lookupKeysetLocation="
                + describe(lookupKeysetLocation) + "]";
    }

    private static String describe(Resource location) {
        return location == null ? "none" : location.getDescription();
    }
}
