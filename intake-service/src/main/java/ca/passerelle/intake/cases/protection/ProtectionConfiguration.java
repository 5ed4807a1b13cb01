package ca.passerelle.intake.cases.protection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.daead.DeterministicAeadConfig;

/** Reads intake's two keysets from configuration once, at start; a missing or unreadable keyset stops the service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EncryptionProperties.class)
class ProtectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProtectionConfiguration.class);
    static final String DEMO_KEYS = "demo-keys/";

    @Bean
    FieldCipher fieldCipher(EncryptionProperties properties) {
        return new FieldCipher(keyset("passerelle.intake.encryption.keyset", properties.keyset(), properties.keysetLocation()));
    }

    @Bean
    RamqLookup ramqLookup(EncryptionProperties properties) {
        return new RamqLookup(
                keyset("passerelle.intake.encryption.lookup-keyset", properties.lookupKeyset(), properties.lookupKeysetLocation()));
    }

    static KeysetHandle keyset(String property, String inline, Resource location) {
        try {
            AeadConfig.register();
            DeterministicAeadConfig.register();
            if (inline != null && !inline.isBlank()) {
                return TinkJsonProtoKeysetFormat.parseKeyset(inline, InsecureSecretKeyAccess.get());
            }
            if (location == null || !location.exists()) {
                throw new IllegalStateException(property + " (Tink JSON) or " + property + "-location is required");
            }
            if (location instanceof ClassPathResource classPath && classPath.getPath().startsWith(DEMO_KEYS)) {
                log.warn("{} is the public LOCAL DEMO keyset: never use it with real patient data", property);
            }
            try (InputStream in = location.getInputStream()) {
                return TinkJsonProtoKeysetFormat.parseKeyset(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        InsecureSecretKeyAccess.get());
            }
        } catch (GeneralSecurityException e) {
            // The parser's message may quote the keyset: keep only the property name.
            throw new IllegalStateException(property + " is not a valid Tink JSON keyset");
        } catch (IOException e) {
            throw new UncheckedIOException(property + "-location could not be read", e);
        }
    }
}
