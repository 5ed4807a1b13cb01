package ca.passerelle.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.passerelle.identity.IdentityProperties;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

class SigningKeysTest {

  @TempDir
  Path keys;

  @Test
  void generatesARsaKeyNamedByItsThumbprintWhenNoneIsConfigured() throws Exception {
    RSAKey key = SigningKeys.from(new IdentityProperties.SigningKey(null, null, null));

    assertThat(key.isPrivate()).isTrue();
    assertThat(key.size()).isEqualTo(2048);
    assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
  }

  @Test
  void readsAConfiguredPemKeyPair() throws Exception {
    KeyPair pair = rsaPair();

    RSAKey key = SigningKeys.from(new IdentityProperties.SigningKey(
        pem("public.pem", "PUBLIC KEY", pair.getPublic().getEncoded()),
        pem("private.pem", "PRIVATE KEY", pair.getPrivate().getEncoded()),
        "passerelle-2026-11"));

    assertThat(key.getKeyID()).isEqualTo("passerelle-2026-11");
    assertThat(key.toRSAPublicKey()).isEqualTo(pair.getPublic());
    assertThat(key.toRSAPrivateKey().getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
  }

  @Test
  void refusesAPublicKeyFromAnotherPair() throws Exception {
    FileSystemResource publicKey = pem("public.pem", "PUBLIC KEY", rsaPair().getPublic().getEncoded());
    FileSystemResource privateKey = pem("private.pem", "PRIVATE KEY", rsaPair().getPrivate().getEncoded());

    assertThatThrownBy(() -> SigningKeys.from(new IdentityProperties.SigningKey(publicKey, privateKey, null)))
        .hasMessageContaining("not one pair");
  }

  private static KeyPair rsaPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private FileSystemResource pem(String name, String type, byte[] der) throws Exception {
    String text = "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
    Path file = keys.resolve(name);
    Files.writeString(file, text, StandardCharsets.US_ASCII);
    return new FileSystemResource(file);
  }
}
