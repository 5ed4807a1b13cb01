package ca.passerelle.identity.token;

import ca.passerelle.identity.IdentityProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;

/** The RS256 signing key: read from PEM files when configured, otherwise generated for this run only. */
public final class SigningKeys {

  private static final int GENERATED_KEY_BITS = 2048;

  private SigningKeys() {
  }

  public static RSAKey from(IdentityProperties.SigningKey configuration) {
    RSAKey.Builder builder = configuration.isConfigured()
        ? new RSAKey.Builder(read(configuration))
        : generated();
    builder.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
    try {
      return configuration.keyId() == null || configuration.keyId().isBlank()
          ? builder.keyIDFromThumbprint().build()
          : builder.keyID(configuration.keyId()).build();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot compute the signing key's thumbprint", e);
    }
  }

  private static RSAKey read(IdentityProperties.SigningKey configuration) {
    RSAPublicKey publicKey = readPem(configuration.publicKeyLocation(), "public",
        in -> RsaKeyConverters.x509().convert(in));
    RSAPrivateKey privateKey = readPem(configuration.privateKeyLocation(), "private",
        in -> RsaKeyConverters.pkcs8().convert(in));
    boolean samePair = publicKey.getModulus().equals(privateKey.getModulus())
        && (!(privateKey instanceof RSAPrivateCrtKey crt) || crt.getPublicExponent().equals(publicKey.getPublicExponent()));
    if (!samePair) {
      throw new IllegalStateException("passerelle.identity.signing-key: the public and private keys are not one pair");
    }
    return new RSAKey.Builder(publicKey).privateKey(privateKey).build();
  }

  private static RSAKey.Builder generated() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(GENERATED_KEY_BITS);
      KeyPair pair = generator.generateKeyPair();
      return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is not available in this JVM", e);
    }
  }

  private static <K> K readPem(Resource location, String which, PemReader<K> reader) {
    try (InputStream in = location.getInputStream()) {
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the " + which + " signing key at " + location.getDescription(), e);
    } catch (IllegalArgumentException e) {
      // The converters' messages describe the format problem only, never key material.
      throw new IllegalStateException("The " + which + " signing key at " + location.getDescription()
          + " is not a PEM the identity provider reads: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface PemReader<K> {
    K read(InputStream in) throws IOException;
  }
}
